"""The project's configuration: where a key is written, what a setting may be, which project the
working directory belongs to, and which specs a command without paths works on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policyspec.bundled import bundled_dir
from policyspec.codes import CODES_BY_ID
from policyspec.config.corpus import BUNDLED_LABEL, NoSpecsFolder, default_corpus
from policyspec.config.discovery import find_project, mentions_table
from policyspec.config.positions import key_position, syntax_error_position
from policyspec.config.selection import ALL_CODES, Layer, UnknownCode, enabled_codes, parse_code_list
from policyspec.config.settings import ConfigError, Project, ReleaseSettings
from tests.conftest import REPO

PYPROJECT = """\
[project]
name = "demo"   # specs = "not this one"

[tool.policyspec]
specs = "specs"
"sources" = "texts"
release.title = "dotted"
doc = '''
ignore = ["inside a string"]
'''
ignore = ["PS214"]

[tool.policyspec.release]
  name = "plans"
inline = {version = "1.0.0", license = "MIT"}
"""


@pytest.mark.parametrize(
    ("table", "key", "position"),
    [
        (("tool", "policyspec"), "specs", (5, 1)),
        (("tool", "policyspec"), "sources", (6, 1)),
        (("tool", "policyspec", "release"), "title", (7, 1)),
        (("tool", "policyspec"), "ignore", (11, 1)),  # not the line inside the multi-line string
        (("tool", "policyspec", "release"), "name", (14, 3)),
        (("tool", "policyspec", "release", "inline"), "license", (15, 30)),
        (("tool", "policyspec"), "missing", (4, 2)),  # the table's header, then
        (("nowhere",), "missing", (1, 1)),
    ],
)
def test_a_key_is_found_where_it_is_written(
    table: tuple[str, ...], key: str, position: tuple[int, int]
) -> None:
    assert key_position(PYPROJECT, table, key) == position


@pytest.mark.parametrize(
    ("text", "mentioned"),
    [
        ("[tool.policyspec]\n", True),
        ("[tool.policyspec.release]\nname = 'x'\n", True),
        ('[tool]\npolicyspec = {specs = "data"}\n', True),
        ('tool.policyspec.specs = "data"\n', True),
        ('[ tool . "policyspec" ]\n', True),
        ('[project]\nname = "policyspec"\n[project.scripts]\npolicyspec = "policyspec.cli:main"\n', False),
        ("[tool.ruff]\npolicyspec = 1\n", False),
        ("# [tool.policyspec]\n", False),
        ('notes = """\n[tool.policyspec]\n"""\n', True),  # a false alarm: the parser then decides
    ],
)
def test_a_table_is_noticed_without_parsing_the_file(text: str, mentioned: bool) -> None:
    assert mentions_table(text, ("tool", "policyspec")) is mentioned


def test_a_toml_error_message_gives_up_its_position() -> None:
    assert syntax_error_position("Invalid value (at line 3, column 9)") == ("Invalid value", (3, 9))
    assert syntax_error_position("Invalid value") == ("Invalid value", (1, 1))


def _project(tmp_path: Path, name: str, text: str) -> Project | None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return find_project(tmp_path)


def _problems(tmp_path: Path, name: str, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        _project(tmp_path, name, text)
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in caught.value.diagnostics]


def test_every_setting_is_read_into_its_typed_value(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "texts").mkdir()
    project = _project(
        tmp_path,
        "pyproject.toml",
        '[tool.policyspec]\nspecs = "data"\nsources = "texts"\nselect = ["ps2", "PS101"]\n'
        'ignore = ["PS214"]\nmax-bytes = 2048\nmax-depth = 8\n\n'
        '[tool.policyspec.release]\nname = "plans"\ntitle = "Plans"\nversion = "1.2.0"\n'
        'license = "CC-BY-4.0"\n',
    )
    assert project is not None
    settings = project.settings
    assert (project.root, project.config_file) == (tmp_path, tmp_path / "pyproject.toml")
    assert (settings.specs, settings.sources) == (tmp_path / "data", tmp_path / "texts")
    assert (settings.select, settings.ignore) == (("PS2", "PS101"), ("PS214",))
    assert settings.limits == {"max_bytes": 2048, "max_depth": 8}
    assert settings.release == ReleaseSettings("plans", "Plans", "1.2.0", "CC-BY-4.0")
    assert project.specs == tmp_path / "data"


def test_a_policyspec_toml_holds_the_settings_at_its_top(tmp_path: Path) -> None:
    project = _project(tmp_path, "policyspec.toml", 'ignore = ["PS2"]\n[release]\nversion = "2.0.0"\n')
    assert project is not None
    assert project.settings.ignore == ("PS2",)
    assert project.settings.release.version == "2.0.0"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '[tool.policyspec]\nspeks = "specs"\n',
            "2:1 PS014 unknown key 'speks' in [tool.policyspec]; did you mean 'specs'?",
        ),
        (
            '[tool.policyspec.release]\nlicence = "MIT"\n',
            "2:1 PS014 unknown key 'licence' in [tool.policyspec.release]",
        ),
        ("[tool.policyspec]\nspecs = 3\n", "2:1 PS015 'specs' must be a folder (a string), not a number"),
        ('[tool.policyspec]\nsources = "nowhere"\n', "2:1 PS015 'sources': there is no folder 'nowhere'"),
        ('[tool.policyspec]\nselect = "PS2"\n', "2:1 PS015 'select' must be a list of codes"),
        ('[tool.policyspec]\n\nignore = ["PS299"]\n', "3:1 PS015 'ignore': unknown code 'PS299'"),
        ("[tool.policyspec]\nmax-nodes = -1\n", "2:1 PS015 'max-nodes' must be a whole number from 1 to"),
        ("[tool.policyspec]\nmax-nodes = true\n", "2:1 PS015 'max-nodes' must be a whole number"),
        ('[tool.policyspec]\nrelease = "x"\n', "2:1 PS015 'release' must be a table, not a string"),
        (
            '[tool.policyspec.release]\nversion = "v1"\n',
            "2:1 PS015 release 'version' must be a semantic version",
        ),
        (
            '[tool.policyspec.release]\nname = "My Data"\n',
            "2:1 PS015 release 'name' must be a Data Package name",
        ),
        ('[tool.policyspec.release]\nlicense = "CC BY"\n', "2:1 PS015 release 'license' must be an SPDX"),
        ('[tool.policyspec]\nspecs = "specs\n', "2:15 PS015 not valid TOML: "),
        ("[tool]\npolicyspec = 1\n", "2:1 PS015 [tool.policyspec] must be a table of settings"),
    ],
)
def test_a_wrong_setting_is_an_error_at_its_line(tmp_path: Path, text: str, problem: str) -> None:
    [found] = _problems(tmp_path, "pyproject.toml", text)
    assert found.startswith(problem)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    found = _problems(tmp_path, "policyspec.toml", 'select = "PS2"\nfoo = 1\nmax-depth = 0\n')
    assert [problem.split(" ", 2)[:2] for problem in found] == [
        ["1:1", "PS015"],
        ["2:1", "PS014"],
        ["3:1", "PS015"],
    ]


def test_a_pyproject_without_the_table_is_passed_over_for_one_higher_up(tmp_path: Path) -> None:
    (tmp_path / "policyspec.toml").write_text("", encoding="utf-8")
    inner = tmp_path / "inner" / "deeper"
    inner.mkdir(parents=True)
    (tmp_path / "inner" / "pyproject.toml").write_text(
        '[project]\nname = "policyspec-user"\n', encoding="utf-8"
    )
    project = find_project(inner)
    assert project is not None
    assert project.root == tmp_path


def test_policyspec_toml_comes_before_pyproject_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.policyspec]\nignore = ["PS1"]\n', encoding="utf-8")
    (tmp_path / "policyspec.toml").write_text('ignore = ["PS2"]\n', encoding="utf-8")
    project = find_project(tmp_path)
    assert project is not None
    assert project.settings.ignore == ("PS2",)


def test_a_specs_folder_makes_a_project_only_in_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    assert find_project(tmp_path) == Project(tmp_path, None)
    assert find_project(tmp_path / "specs") is None  # its parent's specs/ does not count


def test_without_a_project_the_default_is_the_bundled_corpus() -> None:
    corpus = default_corpus(None)
    assert (corpus.folder, corpus.label, corpus.project) == (bundled_dir("specs"), BUNDLED_LABEL, False)


def test_a_projects_default_is_its_specs_folder_named_with_its_root(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    corpus = default_corpus(Project(tmp_path, None))
    assert (corpus.folder, corpus.label, corpus.project) == (
        tmp_path / "specs",
        f"specs/ of {tmp_path}",
        True,
    )


def test_this_checkout_is_a_project_whose_specs_are_the_bundled_corpus() -> None:
    project = find_project(REPO)
    assert project is not None
    assert default_corpus(project).label == BUNDLED_LABEL


def test_a_project_without_its_specs_folder_has_no_default(tmp_path: Path) -> None:
    with pytest.raises(NoSpecsFolder, match="has no folder specs/"):
        default_corpus(Project(tmp_path, tmp_path / "policyspec.toml"))


def test_an_entry_naming_no_code_is_refused_with_a_suggestion() -> None:
    assert parse_code_list("PS201, ps2,,ALL") == ("PS201", "PS2", "ALL")
    with pytest.raises(UnknownCode, match=r"unknown code 'PS299' \(did you mean PS219\?\)"):
        parse_code_list("PS201,PS299")
    with pytest.raises(UnknownCode):
        parse_code_list("E501")


entries = st.sampled_from(["ALL", "PS", "PS0", "PS1", "PS2", "PS21", "PS10", *CODES_BY_ID])
entry_lists = st.lists(entries, max_size=4).map(tuple)


def _matches(code: str, entry: str) -> int:
    return 0 if entry == "ALL" else len(entry) if code.startswith(entry) else -1


@given(select=st.none() | entry_lists, ignore=entry_lists)
def test_within_a_layer_the_most_specific_entry_decides_and_ignore_wins_a_tie(
    select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> None:
    enabled = enabled_codes([Layer(select, ignore)])
    for code in ALL_CODES:
        ignored = max((_matches(code, e) for e in ignore), default=-1)
        selected = 0 if select is None else max((_matches(code, e) for e in select), default=-1)
        if select is None:
            assert (code in enabled) == (ignored < 0), code
        else:
            assert (code in enabled) == (selected > ignored), code


@given(first=st.tuples(st.none() | entry_lists, entry_lists), select=entry_lists, ignore=entry_lists)
def test_a_later_select_replaces_what_came_before(
    first: tuple[tuple[str, ...] | None, tuple[str, ...]], select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    assert enabled_codes([Layer(*first), Layer(select, ignore)]) == enabled_codes([Layer(select, ignore)])


@given(first=st.tuples(st.none() | entry_lists, entry_lists), ignore=entry_lists)
def test_a_later_ignore_only_removes(
    first: tuple[tuple[str, ...] | None, tuple[str, ...]], ignore: tuple[str, ...]
) -> None:
    before = enabled_codes([Layer(*first)])
    after = enabled_codes([Layer(*first), Layer(None, ignore)])
    assert after == {code for code in before if all(_matches(code, e) < 0 for e in ignore)}


def test_nothing_said_is_every_code() -> None:
    assert enabled_codes([]) == ALL_CODES
    assert enabled_codes([Layer(("PS2",), ("PS21",))]) == {
        c for c in ALL_CODES if c.startswith("PS2") and not c.startswith("PS21")
    }
