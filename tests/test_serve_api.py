"""The /v1 API on the demo store: pages of results, filters, auth, the error envelope, and every
response checked against the OpenAPI document the server publishes."""
from __future__ import annotations

from typing import Any

import jsonschema
import pytest

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def client(demo_db):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from claimgraph.graph import HashEmbedder
    from claimgraph.serve import create_app

    return TestClient(create_app(str(demo_db), token=TOKEN, embedder=HashEmbedder()))


@pytest.fixture(scope="module")
def openapi(client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return client.get("/openapi.json").json()


def conforms(openapi: dict[str, Any], path: str, method: str, status: int, body: Any) -> None:
    """`body` matches the schema the OpenAPI document declares for this path, method and status."""
    declared = openapi["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    schema = {**declared, "components": openapi["components"]}
    resolver_schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    jsonschema.validate(body, resolver_schema, cls=jsonschema.Draft202012Validator)


def test_every_read_route_answers_what_its_openapi_schema_says(client, openapi) -> None:  # type: ignore[no-untyped-def]
    claims = client.get("/v1/claims", params={"limit": 3}).json()
    claim_id = claims["items"][0]["id"]
    document_id = client.get("/v1/documents", params={"limit": 1}).json()["items"][0]["id"]
    entity_id = client.get("/v1/entities", params={"q": "Limbach"}).json()["items"][0]["id"]
    calls = [("/v1/health", "/v1/health", {}), ("/v1/claims", "/v1/claims", {"limit": 3}),
             ("/v1/claims", "/v1/claims", {"entity": "Xiamen Limbach", "type": "SUPPLY", "since": "2024-09"}),
             ("/v1/claims/{claim_id}", f"/v1/claims/{claim_id}", {}),
             ("/v1/documents", "/v1/documents", {"q": "engines Kupol"}),
             ("/v1/documents/{document_id}", f"/v1/documents/{document_id}", {}),
             ("/v1/entities", "/v1/entities", {"q": "kupol"}),
             ("/v1/entities/{entity_id}", f"/v1/entities/{entity_id}", {}),
             ("/v1/brief", "/v1/brief", {"q": "China supplies weapons to Russia"})]
    for template, url, params in calls:
        response = client.get(url, params=params)
        assert response.status_code == 200, (url, response.text[:300])
        conforms(openapi, template, "get", 200, response.json())
    brief = client.get("/v1/brief", params={"q": "China supplies weapons to Russia"}).json()
    assert brief["verdict"] and brief["claims"] and brief["details"]  # the published extras were exercised
    for template, url in (("/v1/claims/{claim_id}", "/v1/claims/cnope"), ("/v1/documents/{document_id}", "/v1/documents/nope"),
                          ("/v1/entities/{entity_id}", "/v1/entities/e999999")):
        response = client.get(url)
        assert response.status_code == 404
        conforms(openapi, template, "get", 404, response.json())


def test_error_envelope_is_one_shape() -> None:
    from claimgraph.serve.errors import envelope

    assert envelope(404, "no claim c1", {"id": "c1"}) == {
        "error": {"code": "not_found", "message": "no claim c1", "details": {"id": "c1"}}}


def test_errors_use_the_envelope(client) -> None:  # type: ignore[no-untyped-def]
    missing = client.get("/v1/claims/cnope")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"code": "not_found", "message": "no claim cnope", "details": {"id": "cnope"}}}
    invalid = client.get("/v1/claims", params={"limit": 0})
    assert invalid.status_code == 422
    body = invalid.json()["error"]
    assert body["code"] == "invalid_request" and body["details"]["problems"][0]["where"] == "query.limit"
    unknown_type = client.get("/v1/claims", params={"type": "TELEPORT"}).json()["error"]
    assert unknown_type["code"] == "invalid_request" and "SUPPLY" in unknown_type["details"]["choose"]
    assert client.get("/v1/nowhere").json()["error"]["code"] == "not_found"


def test_pages_of_results_link_the_next_page(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/v1/claims", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 2
    assert {c["id"] for c in first["items"]}.isdisjoint(c["id"] for c in second["items"])
    page, seen = client.get("/v1/claims", params={"limit": 200}).json(), 0
    while page["next"] is not None and seen < 50:  # the last page links nowhere, however many claims the demo makes
        page, seen = client.get(page["next"]).json(), seen + 1
    assert page["next"] is None and page["items"]


def test_claim_filters_match_the_cli_filters(client) -> None:  # type: ignore[no-untyped-def]
    supply = client.get("/v1/claims", params={"entity": "Xiamen Limbach", "type": "supply"}).json()["items"]
    assert supply and all(c["type"] == "SUPPLY" for c in supply)
    assert all("Xiamen Limbach Aircraft Engine" in c["arguments"].values() for c in supply)
    late = client.get("/v1/claims", params={"since": "2024-12"}).json()["items"]
    assert late and all(c["last_seen"] >= "2024-12" for c in late)


def test_full_text_search_finds_words_in_titles_and_texts(client) -> None:  # type: ignore[no-untyped-def]
    found = client.get("/v1/documents", params={"q": "Garpiya"}).json()["items"]
    assert found and all("[" in d["snippet"] for d in found)
    assert client.get("/v1/documents", params={"q": "xyzzyquux"}).json()["items"] == []
    french = client.get("/v1/documents", params={"q": "dement"}).json()["items"]  # diacritics folded: dément
    assert any(d["lang"] == "fr" for d in french)


def test_claim_detail_has_relay_trees_denials_and_timeline(client) -> None:  # type: ignore[no-untyped-def]
    claim_id = client.get("/v1/claims", params={"entity": "Xiamen Limbach", "type": "SUPPLY", "limit": 1}).json()["items"][0]["id"]
    claim = client.get(f"/v1/claims/{claim_id}").json()
    assert claim["evidence"] and claim["relay_trees"] and claim["timeline"]
    origins = {tree["label"] for tree in claim["relay_trees"]}
    assert {o["name"] for o in claim["origins"]} <= origins | {o["name"] for o in claim["denied_by"]} | origins
    assert sum(m["supports"] for m in claim["timeline"]) >= 1


def test_writes_need_the_bearer_token_reads_do_not(client) -> None:  # type: ignore[no-untyped-def]
    article = {"documents": [{"text": "An invented sentence that nobody wrote before.", "lang": "en"}]}
    assert client.post("/v1/documents", json=article).status_code == 401
    wrong = client.post("/v1/documents", json=article, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/claims").status_code == 200


def test_writes_are_refused_when_no_token_is_configured(demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from claimgraph.graph import HashEmbedder
    from claimgraph.serve import create_app

    monkeypatch.delenv("CLAIMGRAPH_API_TOKEN", raising=False)
    monkeypatch.setenv("CLAIMGRAPH_API_TOKEN_FILE", str(demo_db.parent / "no-such-file"))
    closed = TestClient(create_app(str(demo_db), embedder=HashEmbedder(), take_in=False))
    response = closed.post("/v1/documents", json={"documents": [{"text": "x"}]}, headers={"Authorization": "Bearer "})
    assert response.status_code == 401


@pytest.mark.slow
def test_post_documents_analyses_and_stores_a_batch(client, openapi) -> None:  # type: ignore[no-untyped-def]
    text = ("PARIS (Invented Daily) - Two officials said on Monday that Norvale Dynamics shipped radar parts "
            "to Kestrel Works, according to customs papers.")
    headers = {"Authorization": f"Bearer {TOKEN}"}
    body = {"documents": [{"text": text, "id": "inv-1", "title": "Radar parts", "date": "2025-01-06", "lang": "en"},
                          {"text": "   "}]}
    stored = client.post("/v1/documents", json=body, headers=headers).json()
    conforms(openapi, "/v1/documents", "post", 200, stored)
    assert [r["reason"] for r in stored["rejected"]] == ["no text"]  # the batch goes on without it
    body["documents"].pop()
    assert stored["stored"][0]["new"] is True and stored["stored"][0]["record_id"] == "inv-1"
    again = client.post("/v1/documents", json=body, headers=headers).json()
    assert again["stored"][0] == {**stored["stored"][0], "new": False}
    document = client.get(f"/v1/documents/{stored['stored'][0]['id']}").json()
    assert document["document"]["title"] == "Radar parts" and document["attributions"]


def test_standalone_brief_is_one_page_with_real_tables(demo_db) -> None:  # type: ignore[no-untyped-def]
    """`brief --format html`: the page template standalone (it was <tr> rows without a <table> and raw Markdown)."""
    from claimgraph.graph import HashEmbedder, answer
    from claimgraph.serve.render import brief_page
    from claimgraph.store import SqlStore

    store = SqlStore(str(demo_db))
    with store.engine.connect() as connection:
        brief = answer(connection, "China supplies weapons to Russia", HashEmbedder())
    page = brief_page(brief, standalone=True)
    assert page.count("<table") >= 2 and "<tr>" not in page.split("<table", 1)[0]
    assert "**" not in page and "](http" not in page  # no Markdown left over
    assert '"Segoe UI"' in page and "/static/" not in page  # the stylesheet inline and intact, nothing fetched
    assert 'href="/articles/' not in page  # standalone: links go to the articles' own URLs
