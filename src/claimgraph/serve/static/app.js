// claimgraph pages: details of a marked span on the article page. Every value is inserted as text
// (textContent), never as markup: article words are data.
(function () {
  "use strict";
  var holder = document.getElementById("records");
  var panel = document.getElementById("details");
  if (!holder || !panel) return;
  var records = JSON.parse(holder.textContent || "{}");

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function row(dl, key, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", key));
    dl.appendChild(el("dd", Array.isArray(value) ? value.join(" ← ") : value));
  }
  function claimLinks(box, claims) {
    if (!claims || !claims.length) return;
    var list = el("ul");
    claims.forEach(function (c) {
      var item = el("li");
      var link = el("a", c.label);
      link.href = "/claims/" + encodeURIComponent(c.claim_id);
      item.appendChild(link);
      item.appendChild(el("span", " (" + c.stance + ")", "muted"));
      list.appendChild(item);
    });
    box.appendChild(el("h4", "Evidence of"));
    box.appendChild(list);
  }
  function describe(id, r) {
    var box = el("div", null, "record");
    var dl = el("dl");
    if (r.kind === "entity") {
      var title = el("h4");
      var link = el("a", r.name);
      link.href = "/entities/" + encodeURIComponent(id);
      title.appendChild(link);
      box.appendChild(title);
      row(dl, "type", r.type);
      row(dl, "mentions", r.mentions);
    } else if (r.kind === "attribution") {
      box.appendChild(el("h4", "Attribution " + id));
      row(dl, "source", r.source + (r.source_entity && r.source_entity !== r.source ? " (" + r.source_entity + ")" : ""));
      row(dl, "source type", r.source_type);
      row(dl, "cue", r.cue);
      row(dl, "certainty", r.certainty);
      row(dl, "polarity", r.polarity);
      row(dl, "form", r.form);
      row(dl, "relay chain", r.relay_chain);
      row(dl, "content", r.content);
    } else {
      box.appendChild(el("h4", "Event " + id + ": " + r.type));
      row(dl, "trigger", r.trigger);
      Object.keys(r.arguments || {}).forEach(function (role) { row(dl, role, r.arguments[role]); });
      row(dl, "time", r.time);
      row(dl, "certainty", r.certainty);
      row(dl, "polarity", r.polarity);
      row(dl, "reported by", r.attribution);
    }
    box.appendChild(dl);
    claimLinks(box, r.claims);
    return box;
  }
  var active = [];
  function show(span) {
    active.forEach(function (s) { s.classList.remove("active"); });
    active = [span];
    span.classList.add("active");
    panel.textContent = "";
    (span.getAttribute("data-r") || "").split(" ").filter(Boolean).forEach(function (id) {
      if (records[id]) panel.appendChild(describe(id, records[id]));
    });
  }
  var text = document.getElementById("article-text");
  text.addEventListener("mouseover", function (e) {
    var span = e.target.closest ? e.target.closest(".m") : null;
    if (span) show(span);
  });
  text.addEventListener("click", function (e) {
    var span = e.target.closest ? e.target.closest(".m") : null;
    if (span) show(span);
  });
  text.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.classList.contains("m")) { e.preventDefault(); show(e.target); }
  });
  var quoted = document.getElementById("quoted");
  if (quoted) { quoted.scrollIntoView({block: "center"}); show(quoted); }
})();
