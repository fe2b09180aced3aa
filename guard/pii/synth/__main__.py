from guard.pii.synth import main

raise SystemExit(main())
