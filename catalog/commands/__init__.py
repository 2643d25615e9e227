"""The commands of `galeri` (`python build.py`), under cli.py: the arguments, one module per
kind of command, the progress shown and the problems printed. Together with cli.py the
only place that writes to the terminal; every stage below reports through objects."""
