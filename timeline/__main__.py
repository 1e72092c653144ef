from timeline.cli.main import main

raise SystemExit(main())
