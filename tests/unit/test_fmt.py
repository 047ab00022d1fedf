"""fmt gives one canonical layout and loses nothing: comments, values, key order, atomic writes."""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from policyspec.diagnostics import Diagnostic
from policyspec.fmt import comments as fmt_comments
from policyspec.fmt.format import (
    DEFAULT_MODELINE,
    FMT_CODE,
    format_file,
    format_text,
    same_data,
    write_formatted,
)
from policyspec.fmt.layout import key_order
from policyspec.limits import Limits
from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.model.documents import Document, Indicator, Issuer, PlanPeriod, Target
from tests.conftest import REPO

SPECS = sorted((REPO / "specs").glob("*.yaml"))


def formatted(text: str) -> str:
    result = format_text(text, file="t.yaml")
    assert isinstance(result, str), result
    return result


def refused(text: str, limits: Limits | None = None) -> Diagnostic:
    result = format_text(text, file="t.yaml", limits=limits or Limits())
    assert isinstance(result, Diagnostic), result
    return result


def data_of(text: str) -> Any:
    parsed = parse_yaml(text, file="t.yaml")
    assert isinstance(parsed, ParsedYaml), parsed
    return parsed.data


# --- the bundled specs, with comments added by hand in many places ------------------------------

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_0-9]+):(?P<rest>.*)$")


_MARKERS = re.compile(r"# (?:before-|eol-|the end)")


@dataclass(frozen=True)
class Added:
    comment: str
    key: str
    dash: bool
    end_of_line: bool


def with_comments(text: str) -> tuple[str, list[Added]]:
    """Comments before keys and list items, at line ends, between items; blank lines; a trailer."""
    out: list[str] = []
    added: list[Added] = []
    block: int | None = None  # indentation of the key whose block scalar we are inside
    for number, line in enumerate(text.splitlines()):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            out.append(line)
            continue
        block = None
        match = _KEY_LINE.match(line)
        if match is None or number == 0:
            out.append(line)
            continue
        key, dash, rest = match["key"], bool(match["dash"]), match["rest"].strip()
        if number % 3 == 0:
            comment = f"# before-{number} 注释 «'\"{{[: #x"
            out.append(match["indent"] + comment)
            added.append(Added(comment, key, dash, end_of_line=False))
        if number % 11 == 0 and not match["indent"]:
            out.append("")
        end = ""
        if number % 4 == 1:
            end = f"   # eol-{number}: 行尾"
            added.append(Added(end.strip(), key, dash, end_of_line=True))
        if rest.startswith((">", "|")):
            block = indent + (2 if dash else 0)
        out.append(line + end)
    out.append("# the end of the file")
    added.append(Added("# the end of the file", "", False, end_of_line=False))
    return "\n".join(out) + "\n", added


Corpus = list[tuple[str, str, list[Added]]]


@pytest.fixture(scope="module")
def commented_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """(original, formatted, comments added) for a commented copy of every bundled spec."""
    folder = tmp_path_factory.mktemp("specs")
    corpus = []
    for spec in SPECS:
        original, added = with_comments(spec.read_text(encoding="utf-8"))
        copy = folder / spec.name
        copy.write_text(original, encoding="utf-8")
        result = format_file(copy)
        assert result.diagnostic is None, result.diagnostic
        assert result.formatted is not None
        corpus.append((original, result.formatted.decode("utf-8"), added))
    return corpus


def test_the_commented_specs_are_really_commented(commented_corpus: Corpus) -> None:
    for original, _, added in commented_corpus:
        assert len(added) > 100
        assert sum(a.end_of_line for a in added) > 50
        assert data_of(original) == data_of(original.replace("\n# the end of the file", ""))


def test_formatting_keeps_the_data_of_every_bundled_spec(
    commented_corpus: Corpus,
) -> None:
    for (original, result, _), spec in zip(commented_corpus, SPECS, strict=True):
        assert same_data(data_of(result), data_of(original))
        assert same_data(data_of(result), data_of(spec.read_text(encoding="utf-8")))


def test_every_comment_stays_beside_its_key(commented_corpus: Corpus) -> None:
    for _, result, added in commented_corpus:
        lines = result.splitlines()
        content = [n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
        found: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            for marker in _MARKERS.finditer(line):
                found.setdefault(line[marker.start() :].rstrip(), []).append(number)
        for comment in added:
            where = found.get(comment.comment, [])
            assert len(where) == 1, comment
            line = lines[where[0]]
            if comment.comment.endswith("end of the file"):
                assert where[0] == len(lines) - 1
            elif comment.end_of_line:
                assert re.match(rf"^ *(- )?{comment.key}: ", line + " "), (comment, line)
            else:
                assert line.strip() == comment.comment
                following = lines[content[bisect.bisect(content, where[0])]]
                indent = line[: len(line) - len(line.lstrip())]
                pattern = rf"^{indent}- " if comment.dash else rf"^{indent}{comment.key}:"
                assert re.match(pattern, following), (comment, following)


def test_formatting_twice_changes_nothing(commented_corpus: Corpus) -> None:
    for _, result, _ in commented_corpus:
        assert formatted(result) == result


def test_keys_come_out_in_model_order(commented_corpus: Corpus) -> None:
    def check(node: Any, model: type[Any] | None) -> None:
        if isinstance(node, list):
            for item in node:
                check(item, model)
        elif isinstance(node, dict) and model is not None:
            order = key_order(model)
            assert list(node) == [key for key in order if key in node], (model.__name__, list(node))
            for key, value in node.items():
                check(value, _CHILDREN.get((model.__name__, key)))

    for _, result, _ in commented_corpus:
        check(data_of(result), Document)


_CHILDREN: dict[tuple[str, str], type[Any]] = {
    ("Document", "issuers"): Issuer,
    ("Document", "plan_period"): PlanPeriod,
    ("Document", "indicators"): Indicator,
    ("Indicator", "target"): Target,
}


def test_evidence_closes_an_evidenced_fact_as_the_encoding_guide_shows() -> None:
    assert key_order(Issuer) == ["name", "level", "place", "inferred", "evidence"]
    assert key_order(Document) == list(Document.model_fields)
    assert key_order(Indicator) == list(Indicator.model_fields)


# --- layout -----------------------------------------------------------------------------------


def test_keys_are_sorted_by_the_model_and_unknown_keys_follow_in_their_order() -> None:
    text = "zeta: 1\nkind: plan\nalpha: 2\nid: x\nsource: {sha256: s, file: f.txt}\n"
    assert formatted(text) == (
        f"{DEFAULT_MODELINE}\nid: x\nsource: {{file: f.txt, sha256: s}}\nkind: plan\nzeta: 1\nalpha: 2\n"
    )


def test_sequences_of_mappings_are_indented_as_the_bundled_specs_are() -> None:
    text = "issuers:\n- level: municipal\n  name: {zh: 市委, en: City}\n"
    assert formatted(text).splitlines()[1:] == [
        "issuers:",
        "  - name: {zh: 市委, en: City}",
        "    level: municipal",
    ]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ('"Wuxi"', "Wuxi"),
        ("'it''s'", "it's"),
        ('"中共无锡市委"', "中共无锡市委"),
        ('"“三考合一” names the reform"', "“三考合一” names the reform"),
        ('"2010"', '"2010"'),
        ("'2010-01-01'", '"2010-01-01"'),
        ('"yes"', '"yes"'),
        ('"1/3"', "1/3"),
        ("'1_000'", '"1_000"'),
        ('"a: b"', '"a: b"'),
        ('"x # not a comment"', '"x # not a comment"'),
        ('say "hi"', 'say "hi"'),
        ("'\"hi\" first'", '"\\"hi\\" first"'),
        ("'- dash'", '"- dash"'),
        ('"06.07.2015 \\u00a013:31"', '"06.07.2015 \\u00a013:31"'),
        ('"tab\\there"', '"tab\\there"'),
        ("1.50", "1.50"),
        ("1.5e3", "1.5e3"),
        ("0o17", "0o17"),
        ("-7", "-7"),
        ("~", "~"),
        ("null", "null"),
        ("True", "True"),
        ("!!float 1", "1.0"),
        ("!!str 12", '"12"'),
    ],
)
def test_quoting_is_minimal_and_double_and_numbers_keep_their_text(written: str, canonical: str) -> None:
    result = formatted(f"note: {written}\n")
    assert result == f"{DEFAULT_MODELINE}\nnote: {canonical}\n"
    assert same_data(data_of(result), data_of(f"note: {written}\n"))


def test_block_scalars_keep_their_style_and_line_breaks() -> None:
    text = "note: >-\n  first line\n  second line\n\n  new paragraph\nlit: |\n  a\n    b\n"
    assert formatted(text) == DEFAULT_MODELINE + "\n" + text


def test_flow_and_block_collections_keep_their_style() -> None:
    text = "title:\n  zh: 标题\n  en: Title\nevidence: [a, b]\nlist:\n  - a\n"
    assert formatted(text) == DEFAULT_MODELINE + "\n" + text


def test_empty_values_and_tags_read_back_the_same() -> None:
    text = "a:\nb: {x: }\nc: !!int '5'\nd: &one [1]\ne: *one\n"
    assert same_data(data_of(formatted(text)), data_of(text))


# --- comments ---------------------------------------------------------------------------------


def test_comments_move_with_their_keys() -> None:
    text = (
        "# file header\n"
        "kind: plan   # the kind\n"
        "# about the id\n"
        "id: x\n"
        "title:  # eol of title\n"
        "  # before en\n"
        "  en: English\n"
        "  zh: 中文  # eol of zh\n"
    )
    assert formatted(text) == (
        f"{DEFAULT_MODELINE}\n"
        "# file header\n"
        "# about the id\n"
        "id: x\n"
        "title:  # eol of title\n"
        "  zh: 中文  # eol of zh\n"
        "  # before en\n"
        "  en: English\n"
        "kind: plan   # the kind\n"
    )


def test_comments_between_list_items_and_inside_flow_collections_are_kept() -> None:
    text = (
        "evidence:\n"
        "  - a  # first\n"
        "  # between\n"
        "  - b\n"
        "title: {zh: 中文,  # inside the braces\n"
        "        en: English}\n"
    )
    result = formatted(text)
    assert "  - a  # first\n  # between\n  - b\n" in result
    assert "title: {zh: 中文, en: English}  # inside the braces\n" in result


def test_blank_lines_are_kept_but_never_doubled() -> None:
    text = "id: x\n\n\n\nkind: plan\n"
    assert formatted(text) == f"{DEFAULT_MODELINE}\nid: x\n\nkind: plan\n"


def test_a_hash_inside_a_value_is_not_a_comment() -> None:
    text = 'quote: "a # b"\nnote: >-\n  c # d\n'
    assert formatted(text) == DEFAULT_MODELINE + "\n" + text


def test_the_modeline_comes_first_and_is_added_only_when_missing() -> None:
    custom = "# yaml-language-server: $schema=https://example.org/policyspec.json"
    assert formatted(f"# about\n{custom}\nid: x\n") == f"{custom}\n# about\nid: x\n"
    assert formatted(f"{DEFAULT_MODELINE}\nid: x\n") == f"{DEFAULT_MODELINE}\nid: x\n"
    assert formatted("id: x\n") == f"{DEFAULT_MODELINE}\nid: x\n"


def test_a_layout_that_would_lose_a_comment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fmt_comments.restore_comments

    def lossy(text: str, *args: Any) -> str:
        return real(text, *args).replace("# precious\n", "")

    monkeypatch.setattr(fmt_comments, "restore_comments", lossy)
    diagnostic = refused("id: x\n# precious\nkind: plan\n")
    assert diagnostic.code == FMT_CODE
    assert "comment" in diagnostic.message


# --- files: encoding, refusals, atomic writes -------------------------------------------------


def test_a_byte_order_mark_and_crlf_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + f"{DEFAULT_MODELINE}\r\nid:   x\r\n".encode())
    result = format_file(path)
    assert result.changed
    assert result.formatted == b"\xef\xbb\xbf" + f"{DEFAULT_MODELINE}\r\nid: x\r\n".encode()


def test_a_canonical_crlf_file_with_a_byte_order_mark_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + f"{DEFAULT_MODELINE}\r\nid: x\r\n".encode())
    assert not format_file(path).changed


def test_mixed_line_ends_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(f"{DEFAULT_MODELINE}\r\nid: x\nkind: plan\r\n".encode())
    assert format_file(path).formatted == f"{DEFAULT_MODELINE}\nid: x\nkind: plan\n".encode()


def test_a_read_only_file_is_reported_and_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    original = b"id:    x\n"
    path.write_bytes(original)
    path.chmod(0o444)
    before = path.stat()
    result = write_formatted(format_file(path))
    assert result.diagnostic is not None
    assert (result.diagnostic.code, result.diagnostic.message) == (FMT_CODE, "the file is read-only")
    assert path.read_bytes() == original
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_mode) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_mode,
    )


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [
        ("id: [x\nkind: plan\n", "PS001", (2, 5)),
        ("id: x\nid: y\n", "PS002", (2, 1)),
        ("- id: x\n", "PS009", (1, 1)),
        ("a: " + "[" * 80 + "]" * 80 + "\n", "PS006", None),
        ("a: &a [1]\nb: [*a, *a, *a]\n", "PS007", None),
    ],
)
def test_what_validate_refuses_fmt_refuses(text: str, code: str, position: tuple[int, int] | None) -> None:
    diagnostic = refused(text, Limits(max_aliases=2))
    assert diagnostic.code == code
    if position is not None:
        assert (diagnostic.line, diagnostic.column) == position


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("title: 中文标题\n".encode("gb18030"))
    result = format_file(path)
    assert result.formatted is None
    assert result.diagnostic is not None
    assert result.diagnostic.code == "PS004"


def _unformatted_copy(tmp_path: Path) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text("kind: plan\nid: 'x'   # the id\ntitle: {en: Title, zh: 标题}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("failing", ["replace", "fsync", "interrupt"])
def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = _unformatted_copy(tmp_path)
    before = path.read_bytes()
    result = format_file(path)
    assert result.changed

    def fail(*args: object) -> None:
        raise KeyboardInterrupt if failing == "interrupt" else OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync" if failing == "fsync" else "replace", fail)
    if failing == "interrupt":
        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(KeyboardInterrupt):
            write_formatted(result)
    else:
        failed = write_formatted(result)
        assert failed.diagnostic is not None
        assert failed.diagnostic.code == FMT_CODE
        assert "No space left on device" in failed.diagnostic.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_successful_write_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    path = _unformatted_copy(tmp_path)
    path.chmod(0o640)
    result = format_file(path)
    assert write_formatted(result).diagnostic is None
    assert path.read_bytes() == result.formatted
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert not format_file(path).changed


def test_the_committed_key_order_is_the_models() -> None:
    """fmt reads key order from a committed table, not the models (start-up): it must not drift."""
    from policyspec.model.shape import KEY_ORDER, derived_key_order

    def ordered(table: dict[str, dict[str, str | None]]) -> list[tuple[str, list[tuple[str, str | None]]]]:
        return [(name, list(entries.items())) for name, entries in table.items()]

    derived = derived_key_order()
    assert ordered(KEY_ORDER) == ordered(derived), f"paste into model/shape.py KEY_ORDER: {derived!r}"
