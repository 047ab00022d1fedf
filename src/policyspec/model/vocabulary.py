"""Controlled vocabularies shared by the model, the rules and the releases.

Kept apart from the model so that light modules (the CLI's argument parser, the phrase rules)
can use them without importing pydantic.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "COMMITMENTS",
    "DURATION_PATTERN",
    "ISSUER_LEVELS",
    "OPERATORS",
    "TOPICS",
    "UNITS",
    "Commitment",
    "ExclusionReason",
    "InferableField",
    "IssuerLevel",
    "NoteKind",
    "Operator",
    "SectionKind",
    "Topic",
    "Unit",
]

Operator = Literal["ge", "gt", "le", "lt", "eq", "approx", "range"]

Unit = Literal[
    "percent",  # ％ — value as written: 90％ is 90
    "fraction",  # 三分之一 — dimensionless share written as 'p/q'
    "multiple",  # 两倍 — the multiplier of a reference quantity
    "times",  # 次, 轮, 场, 期: occurrences
    "persons",  # 人, 名
    "organisations",  # 个 党组织, 所 党校, bodies and units
    "sites",  # 基地, 示范点, 阵地, 站, 网站
    "items",  # 项, 件, 个 (things that are not bodies or places)
    "books",  # 本
    "reports",  # 篇 调研报告, 文章
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "class-hours",  # 学时
    "yuan",
    "rank",  # 列后3位: a position in a ranking
    "levels",  # 三级: tiers of an organisation
    "points",  # 分: score points
    "votes",  # 票
]

Topic = Literal[
    # topic ids: lowercase kebab-case; the comment says what belongs there
    "theory-study",  # 理论学习, 中心组学习, 读书
    "cadre-training",  # 干部教育培训, 轮训, 脱产培训
    "party-school",  # 党校建设
    "research-time",  # 调研, 基层调研时间, 调研报告
    "member-recruitment",  # 发展党员
    "member-education",  # 党员教育管理, 党员培训
    "floating-members",  # 流动党员
    "grassroots-organisation",  # 基层党组织组建, 覆盖, 阵地
    "party-affairs-workers",  # 党务干部, 党建指导员
    "organisational-life",  # 三会一课, 组织生活会, 民主生活会, 党课
    "inner-party-democracy",  # 党内民主, 选举, 党代会
    "party-affairs-openness",  # 党务公开
    "leadership-structure",  # 领导班子结构, 女干部, 党外干部, 后备干部
    "cadre-selection",  # 干部选拔任用, 考察, 交流, 轮岗
    "cadre-assessment",  # 考核, 评议, 述职
    "talent",  # 人才队伍
    "work-style",  # 作风建设, 联系群众, 文明机关
    "government-efficiency",  # 机关效能
    "anti-corruption-education",  # 反腐倡廉教育, 廉政文化, 警示教育
    "anti-corruption-enforcement",  # 查处案件, 执纪
    "supervision",  # 党内监督, 审计, 巡视巡察, 舆论监督
    "integrity-rules",  # 廉洁从政, 报告个人有关事项
    "publicity",  # 宣传, 舆论, 先进典型
    "satisfaction",  # 群众满意率
    "volunteering",  # 志愿者, 志愿服务
    "digital-party-building",  # 党建网站, 远程教育, 信息化
    "leadership-reporting",  # 听取汇报, 专题研究
    "mass-organisations",  # 工青妇, 群团
    "united-front",  # 统战, 民主党派
    "rural-grassroots",  # 农村基层, 村干部
    "funding",  # 经费, 投入
    "exemplary-units",  # 示范点, 先进, 达标, 创建
    "institution-building",  # 制度建设, 机制, 体系建成
    "organisation-setup",  # 机构设置, 编制, 人员到位
]

IssuerLevel = Literal["national", "provincial", "municipal", "county", "township"]  # highest first

SectionKind = Literal["chapter", "section", "item", "subitem", "paragraph"]

NoteKind = Literal[
    "corrupted-text",  # spam or garbage in place of words
    "placeholder",  # X, XX left in the published text
    "missing-heading",  # a heading or number the structure needs is absent
    "irregular-numbering",  # skipped, repeated or mixed numbering
    "disclaimer",  # a disclaimer line that is not content
    "provenance",  # a line about where the text came from
    "typo",  # an evident misprint
    "truncated",  # text cut off
    "other",
]

Commitment = Literal["must", "should", "strive"]

# Why a quantitative statement of the source is deliberately not an indicator (docs/encoding.md).
ExclusionReason = Literal[
    "name",  # a numeral inside the name of a campaign, formula or system: 三会一课, 百村, 4+4+2
    "cited-document",  # a cited document's numbers, years, periods: “十一五”规划
    "ordinal",  # 第一批, 第二阶段
    "scope",  # tiers named as scope: 市、县、乡三级, 两级
    "scale",  # a scoring scale: 百分考核
    "metadata",  # issue date, document number, provenance lines
    "not-a-requirement",  # a figure that requires nothing: a past achievement, a description
]

# The fields of an indicator that may be reconstructed beyond its quote, with evidence.
InferableField = Literal["value", "upper", "operator", "unit", "deadline", "start", "per"]

OPERATORS: tuple[str, ...] = get_args(Operator)
UNITS: tuple[str, ...] = get_args(Unit)
TOPICS: tuple[str, ...] = get_args(Topic)
COMMITMENTS: tuple[str, ...] = get_args(Commitment)
ISSUER_LEVELS: tuple[str, ...] = get_args(IssuerLevel)
"""From national down to township: the highest level of a document is the first of its issuers'."""

DURATION_PATTERN = r"^P[1-9][0-9]*[YMWD]$"
"""A recurrence as an ISO 8601 duration: 每年 P1Y, 每半年 P6M, 每月 P1M, 每两年 P2Y."""
