"""Entry point of the bundled application (PyInstaller runs this file)."""

import multiprocessing

from annotator.cli import main

if __name__ == "__main__":
    # Large exports start worker processes; in a bundle they re-run this file and must stop here.
    multiprocessing.freeze_support()
    main()
