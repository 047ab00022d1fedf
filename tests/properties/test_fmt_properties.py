"""fmt on generated specs: the data and every comment survive, and a second run changes nothing."""

from __future__ import annotations

import io
import random
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from policyspec.fmt.format import format_text, same_data
from policyspec.fmt.layout import key_order
from policyspec.loading.parsing import ParsedYaml, parse_yaml
from policyspec.model.documents import Document
from tests.strategies import documents

# A third of the profile's examples: each one formats a document twice.
_EXAMPLES = max(20, (settings.default or settings()).max_examples // 3)


def written(data: Any, *, flow: bool | None, shuffle: random.Random) -> str:
    """As an editor might save it: keys in any order, leaf collections in flow style or not."""
    from ruamel.yaml import YAML

    writer = YAML(typ="safe", pure=True)
    writer.allow_unicode = True
    writer.default_flow_style = flow
    writer.representer.sort_base_mapping_type_on_output = False
    out = io.StringIO()
    writer.dump(_shuffled(data, shuffle), out)
    return out.getvalue()


def _shuffled(node: Any, shuffle: random.Random) -> Any:
    if isinstance(node, dict):
        keys = list(node)
        shuffle.shuffle(keys)
        return {key: _shuffled(node[key], shuffle) for key in keys}
    if isinstance(node, list):
        return [_shuffled(item, shuffle) for item in node]
    return node


def commented(text: str, shuffle: random.Random) -> tuple[str, list[str]]:
    """Comments before keys and after single-line values, placed by PyYAML's own node marks.

    Marks are used by offset: PyYAML also counts U+2028 as a line break, an editor does not.
    """
    before: dict[int, str] = {}  # line start offset -> comment lines
    after: dict[int, str] = {}  # line end offset -> comment
    comments: list[str] = []

    def line_start(offset: int) -> int:
        return text.rfind("\n", 0, offset) + 1

    def line_end(offset: int) -> int:
        end = text.find("\n", offset)
        return len(text) if end < 0 else end

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                start = line_start(key.start_mark.index)
                first_on_its_line = not text[start : key.start_mark.index].strip(" -")
                if first_on_its_line and shuffle.random() < 0.3:
                    line = text[start : line_end(start)]
                    comment = f"# before {len(comments)}: 注 #x 'q' \"dq\""
                    indent = " " * (len(line) - len(line.lstrip(" -")))
                    before[start] = before.get(start, "") + indent + comment + "\n"
                    comments.append(comment)
                end = value.end_mark.index
                single_line = isinstance(value, yaml.ScalarNode) and line_end(start) == line_end(end)
                ends_line = single_line and not text[end : line_end(end)].strip()
                if ends_line and value.style not in ("|", ">") and shuffle.random() < 0.3:
                    after[line_end(end)] = f"  # after {len(comments)}!"
                    comments.append(after[line_end(end)].strip())
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None
    walk(root)
    out = []
    for offset, char in enumerate(text):
        out.append(before.get(offset, ""))
        out.append(after.get(offset, "") + char)
    out.append(after.get(len(text), ""))
    return "".join(out), comments


def _in_model_order(node: Any) -> bool:
    return list(node) == [key for key in key_order(Document) if key in node] + [
        key for key in node if key not in Document.model_fields
    ]


@settings(max_examples=_EXAMPLES)
@given(documents(), st.sampled_from([False, None]), st.randoms(use_true_random=False))
def test_fmt_keeps_data_and_comments_and_is_a_fixed_point(
    data: dict[str, Any], flow: bool | None, shuffle: random.Random
) -> None:
    text = written(data, flow=flow, shuffle=shuffle)
    source = parse_yaml(text, file="spec.yaml")
    assume(isinstance(source, ParsedYaml) and same_data(source.data, data))  # ruamel's writer slips in flow
    text, comments = commented(text, shuffle)
    result = format_text(text, file="spec.yaml")
    assert isinstance(result, str), result
    parsed = parse_yaml(result, file="spec.yaml")
    assert isinstance(parsed, ParsedYaml), parsed
    assert same_data(parsed.data, data)
    assert _in_model_order(parsed.data)
    for comment in comments:
        assert result.count(comment) == 1, (comment, result)
    assert format_text(result, file="spec.yaml") == result
