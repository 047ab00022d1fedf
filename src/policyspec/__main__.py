"""``python -m policyspec`` is the ``policyspec`` command."""

import sys

from policyspec.cli import main

sys.exit(main())
