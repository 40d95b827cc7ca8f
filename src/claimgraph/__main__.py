from claimgraph.cli.app import main

main()
