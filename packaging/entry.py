"""Entry point of the bundled application (PyInstaller runs this file)."""

from annotator.cli import main

if __name__ == "__main__":
    main()
