"""The command that installs an optional extra, for how stimulering was installed.

`pip install 'stimulering[docx]'` only works when stimulering comes from an index; from a
clone the extra is installed from its folder, and otherwise the packages themselves.
"""

from __future__ import annotations

import json

from stimulering.office import install_command

REQUIRES = ["python-docx<2,>=1.1; extra == 'docx'", "fpdf2<3,>=2.8; extra == \"pdf\"",
            "pytest<10,>=8; extra == 'test'"]


def folder(path: str, editable: bool) -> str:
    return json.dumps({"url": f"file://{path}", "dir_info": {"editable": editable}})


def test_from_a_clone_the_extra_comes_from_its_folder():
    assert install_command("docx", folder("/home/mira/stimulering", False), REQUIRES) == \
        'pip install "/home/mira/stimulering[docx]"'
    assert install_command("pdf", folder("/home/mira/mijn%20map", True), REQUIRES) == \
        'pip install -e "/home/mira/mijn map[pdf]"'


def test_from_a_wheel_or_an_index_the_packages_themselves():
    wheel = json.dumps({"url": "file:///tmp/stimulering-0.1.0-py3-none-any.whl",
                        "archive_info": {}})
    assert install_command("docx", wheel, REQUIRES) == 'pip install "python-docx<2,>=1.1"'
    assert install_command("pdf", "", REQUIRES) == 'pip install "fpdf2<3,>=2.8"'


def test_without_metadata_the_packages_stimulering_names():
    assert install_command("pdf", "", []) == 'pip install "fpdf2>=2.8,<3"'
