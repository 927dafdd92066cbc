//! The sections and fields of the 部门整体支出绩效自评表 and the 项目支出绩效自评表, in page order.
//!
//! Labels are the glossary's (shared/GLOSSARY.md). Reading order of a section is also its column
//! order in `reports.csv`, so a new field lands in both at the same place.

use super::*;

/// A figure in the report's amount unit, on a row of its own, with a CSV column.
const fn amount(key: &'static str, label: Label, get: fn(&ReportFront) -> Option<Dec>) -> Field {
    Field {
        key,
        label,
        kind: Kind::Amount,
        unit: Unit::Amount,
        place: Place::Row,
        csv: Csv::Column,
        get: Get::Num(get),
        page_fallback: None,
        hint: "",
    }
}

impl Field {
    const fn kind(mut self, kind: Kind, unit: Unit) -> Field {
        self.kind = kind;
        self.unit = unit;
        self
    }
    const fn at(mut self, place: Place) -> Field {
        self.place = place;
        self
    }
    const fn hint(mut self, hint: &'static str) -> Field {
        self.hint = hint;
        self
    }
}

/// A stated percentage, shown in the details of row `of_row` as "占{whole} x%".
const fn share(
    key: &'static str,
    label: Label,
    of_row: &'static str,
    whole: Label,
    get: fn(&ReportFront) -> Option<Dec>,
) -> Field {
    amount(key, label, get)
        .kind(Kind::Percent, Unit::Of("%"))
        .at(Place::ShareOf(of_row, whole))
}

/// Free text: a section's note, shown under its table; not a CSV column.
const fn note(get: fn(&ReportFront) -> Option<&str>) -> Field {
    Field {
        key: "note",
        label: l("说明", "Note"),
        kind: Kind::Text,
        unit: Unit::None,
        place: Place::Note,
        csv: Csv::None,
        get: Get::Text(get),
        page_fallback: None,
        hint: "text, as the report words it",
    }
}

const fn known(key: &'static str, zh: &'static str, en: &'static str, unit: Option<&'static str>) -> Known {
    Known {
        key,
        label: l(zh, en),
        unit,
    }
}

/// The keys that say what the report is, in the order we recommend.
pub const ABOUT: &[About] = &[
    About {
        key: "title",
        required: Required::Yes,
        label: l("报告标题", "Title"),
        hint: "as printed",
        scaffold: ("\"\"", "报告标题（原文）"),
    },
    About {
        key: "year",
        required: Required::Yes,
        label: l("年度", "Fiscal year"),
        hint: "the fiscal year reported on (2021)",
        scaffold: ("{year}", ""),
    },
    About {
        key: "kind",
        required: Required::Yes,
        label: l("报告类型", "Kind"),
        hint: "`department` (部门整体支出绩效自评) or `project` (项目支出 / 专项资金绩效自评)",
        scaffold: ("{kind}", ""),
    },
    About {
        key: "unit_name",
        required: Required::No,
        label: l("报告单位", "Filing body"),
        hint: "as named in the report (管委会), if different from the profile name",
        scaffold: ("", "报告单位（如与单位名称不同）"),
    },
    About {
        key: "project_name",
        required: Required::Project,
        label: l("项目名称", "Project"),
        hint: "the project or special fund evaluated",
        scaffold: ("\"\"", "项目或专项资金名称"),
    },
    About {
        key: "department",
        required: Required::No,
        label: l("主管部门", "Competent department"),
        hint: "project form: the department the funds are budgeted under",
        scaffold: ("", "主管部门（项目自评表）"),
    },
    About {
        key: "implementer",
        required: Required::No,
        label: l("实施单位", "Implementing unit"),
        hint: "project form: who carried the project out",
        scaffold: ("", "实施单位（项目自评表）"),
    },
    About {
        key: "period",
        required: Required::No,
        label: l("项目实施期", "Implementation period"),
        hint: "project form, as written (`2021年—2023年`)",
        scaffold: ("", "项目实施期（项目自评表，如有）"),
    },
    About {
        key: "published",
        required: Required::No,
        label: l("发布时间", "Published"),
        hint: "publication time: `\"2022-06-30 09:00\"` (or just the date). Government websites must show it as the PubDate tag, which needs the time; without it the tag is left out, never invented",
        scaffold: ("", "发布时间 \"YYYY-MM-DD HH:MM\"（政府网站 PubDate 需要）"),
    },
    About {
        key: "updated",
        required: Required::No,
        label: l("更新时间", "Last updated"),
        hint: "a correction, same format",
        scaffold: ("", "最后更新时间（如有）"),
    },
    About {
        key: "source",
        required: Required::No,
        label: l("原文出处", "Source"),
        hint: "where the original was published (a note or an address)",
        scaffold: ("", "原文出处"),
    },
    About {
        key: "source_url",
        required: Required::No,
        label: l("原文网址", "Source address"),
        hint: "the address where the original was published (`https://…`)",
        scaffold: ("", "原文网址（如有）"),
    },
    About {
        key: "source_file",
        required: Required::No,
        label: l("报告原文", "Original file"),
        hint: "the original PDF or Word file, saved beside the report (`2021.pdf`): copied into the site and linked as 报告原文",
        scaffold: ("", "报告原文文件名（与本文件放在同一文件夹，如 2021.pdf）"),
    },
    About {
        key: "corrections",
        required: Required::No,
        label: l("更正记录", "Corrections"),
        hint: "figures corrected after first publication: `- figure: expenditure.total / previous: 1546.30 / date: 2022-07-01 / note: …` (set `updated` too)",
        scaffold: (
            "[]",
            "更正记录，如：- figure: expenditure.total / previous: 原公布数 / note: 更正原因",
        ),
    },
    About {
        key: "index_number",
        required: Required::No,
        label: l("索引号", "Index number"),
        hint: "the report's number in the host portal's 政府信息公开目录, as the portal assigned it (often the publisher's code, the year and a serial number: `…/2022-00123`)",
        scaffold: ("", "索引号（信息公开目录分配，没有就留空）"),
    },
    About {
        key: "issuer",
        required: Required::No,
        label: l("发布机构", "Issued by"),
        hint: "the body that published the report, as the 信息公开目录 names it (often the filing body, sometimes the finance bureau); never filled in for you",
        scaffold: ("", "发布机构（信息公开目录所列，没有就留空）"),
    },
    About {
        key: "document_number",
        required: Required::No,
        label: l("文号", "Document number"),
        hint: "the number of the document that published the report (`某财绩〔2022〕3号`), when there is one",
        scaffold: ("", "文号（如有）"),
    },
    About {
        key: "subject",
        required: Required::No,
        label: l("主题分类", "Subject"),
        hint: "the 信息公开目录's subject category (`财政、金融、审计`), as the portal files the report",
        scaffold: ("", "主题分类（信息公开目录所列，没有就留空）"),
    },
    About {
        key: "amount_unit",
        required: Required::No,
        label: l("金额单位", "Unit of amounts"),
        hint: "unit of all amounts, default `万元`; also `元`, `亿元`",
        scaffold: ("万元", "金额单位"),
    },
    About {
        key: "summary",
        required: Required::No,
        label: l("摘要", "Summary"),
        hint: "one or two sentences for listings and search results",
        scaffold: ("", "一两句话摘要"),
    },
    About {
        key: "notes",
        required: Required::No,
        label: l("数据说明", "Notes on the figures"),
        hint: "list of notes about the figures (e.g. a figure stated two ways)",
        scaffold: ("[]", "数据说明，如：某数据报告中两处不一致"),
    },
];

/// Budgets and income sources (`income_sources`, `by_fund`, `fund`).
pub const FUNDS: &[Known] = &[
    known("general_public", "一般公共预算", "General public budget", None),
    known(
        "government_funds",
        "政府性基金预算",
        "Government-managed funds budget",
        None,
    ),
    known(
        "state_capital",
        "国有资本经营预算",
        "State capital operations budget",
        None,
    ),
    known(
        "social_insurance",
        "社会保险基金预算",
        "Social insurance funds budget",
        None,
    ),
    known("fiscal_appropriation", "财政拨款收入", "Fiscal appropriations", None),
    known("other", "其他收入", "Other income", None),
];

/// Staffing categories.
pub const STAFF: &[Known] = &[
    known("management", "管理人员", "Management staff", Some("人")),
    known(
        "technical",
        "专业技术人员",
        "Professional and technical staff",
        Some("人"),
    ),
    known("support", "工勤人员", "Support staff", Some("人")),
    known(
        "contract",
        "政府雇员（编外）",
        "Government contract employees",
        Some("人"),
    ),
];

/// Economic results.
pub const ECONOMY: &[Known] = &[
    known(
        "industrial_output",
        "规模工业总产值",
        "Gross output of industrial enterprises above designated size",
        Some("亿元"),
    ),
    known(
        "industrial_value_added",
        "规模工业增加值",
        "Value added of industrial enterprises above designated size",
        Some("亿元"),
    ),
    // Three different taxes that reports all call "tax": kept apart, so a column never adds
    // one to another.
    known("tax_revenue", "税收收入", "Tax revenue", Some("亿元")),
    known("taxes_paid", "上交税金（实缴税金）", "Taxes paid", Some("亿元")),
    known(
        "industrial_enterprise_tax",
        "规模工业企业实缴税收",
        "Tax paid by industrial enterprises above designated size",
        Some("亿元"),
    ),
    known("industrial_tax", "工业税收", "Industrial tax revenue", Some("亿元")),
    known(
        "fixed_asset_investment",
        "固定资产投资",
        "Fixed-asset investment",
        Some("亿元"),
    ),
    known(
        "infrastructure_investment",
        "基础设施投入",
        "Infrastructure investment",
        Some("亿元"),
    ),
    known(
        "high_tech_output",
        "高新技术产业产值",
        "High-tech industry output",
        Some("亿元"),
    ),
    known(
        "total_revenue",
        "技工贸总收入",
        "Total revenue of technology, industry and trade",
        Some("亿元"),
    ),
    known(
        "operating_revenue",
        "规模以上工业企业营业收入",
        "Operating revenue of industrial enterprises above designated size",
        Some("亿元"),
    ),
    known(
        "retail_sales",
        "社会消费品零售总额",
        "Total retail sales of consumer goods",
        Some("亿元"),
    ),
    known(
        "trade_volume",
        "进出口总额",
        "Total imports and exports",
        Some("亿美元"),
    ),
    known("new_enterprises", "新增企业", "New enterprises", Some("家")),
    known(
        "new_industrial_enterprises",
        "新增规模工业企业",
        "New industrial enterprises above designated size",
        Some("家"),
    ),
    known("projects_signed", "新签约项目", "Projects signed", Some("个")),
    known("projects_started", "新开工项目", "Projects started", Some("个")),
    known(
        "projects_completed",
        "竣工投产项目",
        "Projects completed and in production",
        Some("个"),
    ),
    known(
        "standard_factory_area",
        "新建标准厂房面积",
        "New standard factory floor area",
        Some("万平方米"),
    ),
];

const TOTAL_EXPENDITURE: Label = l("总支出", "total expenditure");
const BASIC_EXPENDITURE: Label = l("基本支出", "basic expenditure");
const TOTAL_ASSETS: Label = l("资产总额", "total assets");

const EVALUATION: &[Entry] = &[
    Entry::Field(
        amount("score", l("自评得分", "Self-evaluation score"), |r| {
            r.evaluation.as_ref().and_then(|s| s.score)
        })
        .kind(Kind::Points, Unit::Of("分")),
    ),
    Entry::Field(Field {
        get: Get::Grade(|r| r.evaluation.as_ref().and_then(|s| s.grade)),
        ..amount("grade", l("绩效等级", "Grade"), |_| None)
            .kind(Kind::Grade, Unit::None)
            .hint("优 / 良 / 中 / 差")
    }),
    Entry::Field(Field {
        key: "remark",
        label: l("备注", "Remarks"),
        place: Place::InForm,
        hint: "the form's 备注, as printed (often the grading scale in words)",
        ..note(|r| r.evaluation.as_ref().and_then(|s| s.remark.as_deref()))
    }),
    Entry::Field(Field {
        place: Place::TextOf("score"),
        ..note(|r| r.evaluation.as_ref().and_then(|s| s.note.as_deref()))
    }),
];

/// The lowest score of each grade, where the form's 备注 sets its own scale.
const SCALE: &[Entry] = &[
    Entry::Field(
        amount(
            "excellent",
            l("“优”的最低分", "Lowest score graded Excellent"),
            |r| {
                r.evaluation
                    .as_ref()
                    .and_then(|e| e.scale.as_ref())
                    .and_then(|s| s.excellent)
            },
        )
        .kind(Kind::Points, Unit::Of("分"))
        .hint("90 unless the form says otherwise"),
    ),
    Entry::Field(
        amount("good", l("“良”的最低分", "Lowest score graded Good"), |r| {
            r.evaluation
                .as_ref()
                .and_then(|e| e.scale.as_ref())
                .and_then(|s| s.good)
        })
        .kind(Kind::Points, Unit::Of("分"))
        .hint("80 unless the form says otherwise"),
    ),
    Entry::Field(
        amount("fair", l("“中”的最低分", "Lowest score graded Fair"), |r| {
            r.evaluation
                .as_ref()
                .and_then(|e| e.scale.as_ref())
                .and_then(|s| s.fair)
        })
        .kind(Kind::Points, Unit::Of("分"))
        .hint("60 unless the form says otherwise; below it is 差"),
    ),
];

const BUDGET: &[Entry] = &[
    Entry::Field(amount("initial", l("年初预算数", "Initial budget"), |r| {
        r.budget.as_ref().and_then(|s| s.initial)
    })),
    Entry::Field(
        amount("full_year", l("全年预算数", "Full-year (adjusted) budget"), |r| {
            r.budget.as_ref().and_then(|s| s.full_year)
        })
        .hint("after adjustments (调整后)"),
    ),
    Entry::Field(
        amount(
            "adjustment",
            l("年中追加（调整）数", "In-year adjustment"),
            |r| r.budget.as_ref().and_then(|s| s.adjustment),
        )
        .kind(Kind::Change, Unit::Amount)
        .hint("full-year budget − initial budget, signed"),
    ),
    Entry::Field(amount(
        "income",
        l("收入预算合计", "Budgeted income, total"),
        |r| r.budget.as_ref().and_then(|s| s.income),
    )),
    Entry::Field(
        amount(
            "income_change",
            l("收入预算较上年增减", "Budgeted income, change on previous year"),
            |r| r.budget.as_ref().and_then(|s| s.income_change),
        )
        .kind(Kind::Change, Unit::Amount)
        .at(Place::ChangeOf("income")),
    ),
    Entry::Items(Items {
        key: "income_sources",
        label: l("收入来源", "Income sources"),
        get: |r| r.budget.as_ref().map(|s| s.income_sources.as_slice()).unwrap_or(&[]),
        known: FUNDS,
        share_of: Some(l("收入预算", "budgeted income")),
        unit: Unit::Amount,
        csv: ItemsCsv::Values,
        csv_name: "income",
        count_column: None,
        example: "- key: general_public / value: 29053.00",
    }),
    Entry::Field(amount(
        "expenditure",
        l("支出预算合计", "Budgeted expenditure, total"),
        |r| r.budget.as_ref().and_then(|s| s.expenditure),
    )),
    Entry::Field(amount(
        "basic",
        l("基本支出预算", "Basic expenditure budget"),
        |r| r.budget.as_ref().and_then(|s| s.basic),
    )),
    Entry::Field(amount(
        "project",
        l("项目支出预算", "Project expenditure budget"),
        |r| r.budget.as_ref().and_then(|s| s.project),
    )),
    Entry::Field(note(|r| r.budget.as_ref().and_then(|s| s.note.as_deref()))),
];

const FINAL_ACCOUNTS: &[Entry] = &[
    Entry::Field(amount(
        "opening_balance",
        l("年初结转结余", "Balance carried forward at start of year"),
        |r| r.final_accounts.as_ref().and_then(|s| s.opening_balance),
    )),
    Entry::Field(amount(
        "income",
        l("本年收入合计", "Income for the year, total"),
        |r| r.final_accounts.as_ref().and_then(|s| s.income),
    )),
    Entry::Items(Items {
        key: "income_sources",
        label: l("收入来源", "Income sources"),
        get: |r| {
            r.final_accounts
                .as_ref()
                .map(|s| s.income_sources.as_slice())
                .unwrap_or(&[])
        },
        known: FUNDS,
        share_of: Some(l("总收入", "total income")),
        unit: Unit::Amount,
        csv: ItemsCsv::ValuesAndShares,
        csv_name: "income",
        count_column: None,
        example: "- key: fiscal_appropriation / value: 4637.57 / share: 99.85",
    }),
    Entry::Field(
        amount(
            "sources_total",
            l("资金来源总计", "Total sources of funds"),
            |r| r.final_accounts.as_ref().and_then(|s| s.sources_total),
        )
        .hint("收入总计: income for the year plus the balance brought forward"),
    ),
    Entry::Field(Field {
        page_fallback: Some((
            |r| r.expenditure.as_ref().and_then(|e| e.total),
            l("即“支出”部分的整体支出", "the total expenditure under Expenditure"),
        )),
        ..amount(
            "expenditure",
            l("本年支出合计", "Expenditure for the year, total"),
            |r| r.final_accounts.as_ref().and_then(|s| s.expenditure),
        )
        .hint("leave empty when expenditure.total gives it")
    }),
    Entry::Items(Items {
        key: "by_function",
        label: l("按功能分类的支出", "Expenditure by function"),
        get: |r| {
            r.final_accounts
                .as_ref()
                .map(|s| s.by_function.as_slice())
                .unwrap_or(&[])
        },
        known: &[],
        share_of: Some(l("本年支出", "expenditure for the year")),
        unit: Unit::Amount,
        csv: ItemsCsv::Count,
        csv_name: "by_function",
        count_column: Some((
            "final_by_function",
            "Number of functional classification lines (items.csv has them)",
        )),
        example: "- label: 一般公共服务支出 / label_en: General public services / value: 3201.45",
    }),
    Entry::Field(amount(
        "closing_balance",
        l("年末结转结余", "Balance carried forward at end of year"),
        |r| r.final_accounts.as_ref().and_then(|s| s.closing_balance),
    )),
    Entry::Field(
        amount("execution_rate", l("执行率", "Budget execution rate"), |r| {
            r.final_accounts.as_ref().and_then(|s| s.execution_rate)
        })
        .kind(Kind::Percent, Unit::Of("%"))
        .hint("资金实际执行进度"),
    ),
    Entry::Field(note(|r| r.final_accounts.as_ref().and_then(|s| s.note.as_deref()))),
];

const EXPENDITURE: &[Entry] = &[
    Entry::Field(
        amount("total", l("整体支出", "Total expenditure"), |r| {
            r.expenditure.as_ref().and_then(|s| s.total)
        })
        .hint("决算支出合计"),
    ),
    Entry::Field(amount("basic", l("基本支出", "Basic expenditure"), |r| {
        r.expenditure.as_ref().and_then(|s| s.basic)
    })),
    Entry::Field(share(
        "basic_share",
        l(
            "基本支出占总支出的比例",
            "Basic expenditure, share of total expenditure",
        ),
        "basic",
        TOTAL_EXPENDITURE,
        |r| r.expenditure.as_ref().and_then(|s| s.basic_share),
    )),
    Entry::Field(
        amount("personnel", l("人员经费", "Personnel expenses"), |r| {
            r.expenditure.as_ref().and_then(|s| s.personnel)
        })
        .at(Place::Sub),
    ),
    Entry::Field(share(
        "personnel_share",
        l(
            "人员经费占基本支出的比例",
            "Personnel expenses, share of basic expenditure",
        ),
        "personnel",
        BASIC_EXPENDITURE,
        |r| r.expenditure.as_ref().and_then(|s| s.personnel_share),
    )),
    Entry::Field(
        amount(
            "public",
            l("公用经费", "Public (office and operating) expenses"),
            |r| r.expenditure.as_ref().and_then(|s| s.public),
        )
        .at(Place::Sub)
        .hint("日常公用经费"),
    ),
    Entry::Field(share(
        "public_share",
        l(
            "公用经费占基本支出的比例",
            "Public (office and operating) expenses, share of basic expenditure",
        ),
        "public",
        BASIC_EXPENDITURE,
        |r| r.expenditure.as_ref().and_then(|s| s.public_share),
    )),
    Entry::Field(
        amount("meetings", l("会议费", "Meeting expenses"), |r| {
            r.expenditure.as_ref().and_then(|s| s.meetings)
        })
        .at(Place::Sub)
        .hint("within public expenses, where stated"),
    ),
    Entry::Field(
        amount("training", l("培训费", "Training expenses"), |r| {
            r.expenditure.as_ref().and_then(|s| s.training)
        })
        .at(Place::Sub)
        .hint("within public expenses, where stated"),
    ),
    Entry::Field(amount("project", l("项目支出", "Project expenditure"), |r| {
        r.expenditure.as_ref().and_then(|s| s.project)
    })),
    Entry::Field(share(
        "project_share",
        l(
            "项目支出占总支出的比例",
            "Project expenditure, share of total expenditure",
        ),
        "project",
        TOTAL_EXPENDITURE,
        |r| r.expenditure.as_ref().and_then(|s| s.project_share),
    )),
    Entry::Field(note(|r| r.expenditure.as_ref().and_then(|s| s.note.as_deref()))),
];

/// Named project spending.
const PROJECT_ITEMS: Items = Items {
    key: "project_items",
    label: l("项目支出明细", "Project expenditure items"),
    get: |r| {
        r.expenditure
            .as_ref()
            .map(|s| s.project_items.as_slice())
            .unwrap_or(&[])
    },
    known: &[],
    share_of: Some(l("项目支出", "project expenditure")),
    unit: Unit::Amount,
    csv: ItemsCsv::Count,
    csv_name: "project_items",
    count_column: Some(("expenditure_project_items", "Number of named project items (items.csv)")),
    example: "- name: 招商引资工作经费 / name_en: … / value: 79 / fund: general_public",
};

const ECONOMY_ITEMS: Items = Items {
    key: "economy",
    label: l("经济运行成果", "Economic results"),
    get: |r| r.economy.as_slice(),
    known: ECONOMY,
    share_of: None,
    unit: Unit::Amount,
    csv: ItemsCsv::ValuesUnitsGrowth,
    csv_name: "",
    count_column: Some((
        "economy_items",
        "Number of economic results (items.csv has all of them)",
    )),
    example: "- key: industrial_output / value: 170 / unit: 亿元 / change_pct: 18",
};

const LINES: &[Line] = &[
    Line {
        key: "total",
        label: l("“三公”经费合计", "\"Three public expenses\", total"),
    },
    Line {
        key: "overseas_travel",
        label: l("因公出国（境）费", "Official overseas (outbound) travel"),
    },
    Line {
        key: "hospitality",
        label: l("公务接待费", "Official hospitality (receptions)"),
    },
    Line {
        key: "vehicles",
        label: l(
            "公务用车购置及运行维护费",
            "Purchase, operation and maintenance of official vehicles",
        ),
    },
];

const fn line_field(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    kind: Kind,
    only: Option<&'static str>,
) -> LineField {
    LineField {
        key,
        label: l(zh, en),
        kind,
        only,
    }
}

const LINE_FIELDS: &[LineField] = &[
    line_field("budget", "预算数", "budget", Kind::Amount, None),
    line_field("actual", "决算数", "actual", Kind::Amount, None),
    line_field("rate", "完成预算", "share of budget used", Kind::Percent, None),
    line_field("previous", "上年决算数", "previous year's actual", Kind::Amount, None),
    line_field("change", "较上年增减", "change on previous year", Kind::Change, None),
    line_field(
        "change_pct",
        "较上年增减率",
        "change on previous year (signed)",
        Kind::Percent,
        None,
    ),
    line_field(
        "batches",
        "接待批次",
        "receptions (batches)",
        Kind::Count,
        Some("hospitality"),
    ),
    line_field(
        "people",
        "接待人次",
        "person-visits received",
        Kind::Count,
        Some("hospitality"),
    ),
    line_field("purchase", "购置费", "purchase", Kind::Amount, Some("vehicles")),
    line_field(
        "operation",
        "运行维护费",
        "operation and maintenance",
        Kind::Amount,
        Some("vehicles"),
    ),
    line_field("note", "说明", "note", Kind::Text, None),
];

const ASSETS: &[Entry] = &[
    Entry::Field(amount("total", l("资产合计", "Total assets"), |r| {
        r.assets.as_ref().and_then(|s| s.total)
    })),
    Entry::Field(amount("current", l("流动资产", "Current assets"), |r| {
        r.assets.as_ref().and_then(|s| s.current)
    })),
    Entry::Field(share(
        "current_share",
        l("流动资产占资产总额的比例", "Current assets, share of total assets"),
        "current",
        TOTAL_ASSETS,
        |r| r.assets.as_ref().and_then(|s| s.current_share),
    )),
    Entry::Field(amount("non_current", l("非流动资产", "Non-current assets"), |r| {
        r.assets.as_ref().and_then(|s| s.non_current)
    })),
    Entry::Field(share(
        "non_current_share",
        l(
            "非流动资产占资产总额的比例",
            "Non-current assets, share of total assets",
        ),
        "non_current",
        TOTAL_ASSETS,
        |r| r.assets.as_ref().and_then(|s| s.non_current_share),
    )),
    Entry::Field(amount("fixed_net", l("固定资产净值", "Fixed assets, net"), |r| {
        r.assets.as_ref().and_then(|s| s.fixed_net)
    })),
    Entry::Field(amount(
        "intangible_net",
        l("无形资产净值", "Intangible assets, net"),
        |r| r.assets.as_ref().and_then(|s| s.intangible_net),
    )),
    Entry::Field(Field {
        key: "as_of",
        label: l("资产数据截止日期", "Date of the asset figures"),
        kind: Kind::Date,
        unit: Unit::None,
        place: Place::AsOf,
        csv: Csv::Column,
        get: Get::Text(|r| r.assets.as_ref().and_then(|s| s.as_of.as_deref())),
        page_fallback: None,
        hint: "\"YYYY-MM-DD\"",
    }),
    Entry::Field(note(|r| r.assets.as_ref().and_then(|s| s.note.as_deref()))),
];

const STAFFING: &[Entry] = &[
    Entry::Field(
        amount("authorized", l("编制数", "Authorised posts"), |r| {
            r.staffing.as_ref().and_then(|s| s.authorized)
        })
        .kind(Kind::Count, Unit::Of("人")),
    ),
    Entry::Field(Field {
        key: "authorized_type",
        label: l("编制类型", "Type of posts"),
        kind: Kind::Text,
        unit: Unit::None,
        place: Place::TextOf("authorized"),
        csv: Csv::Column,
        get: Get::Text(|r| r.staffing.as_ref().and_then(|s| s.authorized_type.as_deref())),
        page_fallback: None,
        hint: "行政编制 / 事业编制",
    }),
    Entry::Field(
        amount("internal_bodies", l("内设机构数", "Internal bodies"), |r| {
            r.staffing.as_ref().and_then(|s| s.internal_bodies)
        })
        .kind(Kind::Count, Unit::Of("个")),
    ),
    Entry::Field(
        amount("actual", l("实有人数", "Staff in post"), |r| {
            r.staffing.as_ref().and_then(|s| s.actual)
        })
        .kind(Kind::Count, Unit::Of("人")),
    ),
    Entry::Items(Items {
        key: "categories",
        label: l("人员类别", "Staff categories"),
        get: |r| r.staffing.as_ref().map(|s| s.categories.as_slice()).unwrap_or(&[]),
        known: STAFF,
        share_of: Some(l("人员", "staff")),
        unit: Unit::Of("人"),
        csv: ItemsCsv::Values,
        csv_name: "",
        count_column: None,
        example: "- key: management / value: 35",
    }),
    Entry::Field(
        amount(
            "vehicles_authorized",
            l("车辆编制数", "Authorised vehicles"),
            |r| r.staffing.as_ref().and_then(|s| s.vehicles_authorized),
        )
        .kind(Kind::Count, Unit::Of("辆")),
    ),
    Entry::Field(
        amount("vehicles_actual", l("实有车辆", "Vehicles in use"), |r| {
            r.staffing.as_ref().and_then(|s| s.vehicles_actual)
        })
        .kind(Kind::Count, Unit::Of("辆")),
    ),
    Entry::Field(note(|r| r.staffing.as_ref().and_then(|s| s.note.as_deref()))),
];

const PROJECT: &[Entry] = &[
    Entry::Field(
        amount("investment", l("项目总投资", "Total project investment"), |r| {
            r.project.as_ref().and_then(|s| s.investment)
        })
        .hint("project form: all years and sources"),
    ),
    Entry::Field(
        amount(
            "investment_fiscal",
            l("其中：财政拨款", "of which fiscal appropriations"),
            |r| r.project.as_ref().and_then(|s| s.investment_fiscal),
        )
        .at(Place::Sub),
    ),
    Entry::Field(amount("initial", l("年初预算数", "Initial budget"), |r| {
        r.project.as_ref().and_then(|s| s.initial)
    })),
    Entry::Field(amount(
        "full_year",
        l("全年预算数", "Full-year (adjusted) budget"),
        |r| r.project.as_ref().and_then(|s| s.full_year),
    )),
    Entry::Field(amount(
        "actual",
        l("全年执行数", "Full-year outturn (actual)"),
        |r| r.project.as_ref().and_then(|s| s.actual),
    )),
    Entry::Field(
        amount("rate", l("执行率", "Budget execution rate"), |r| {
            r.project.as_ref().and_then(|s| s.rate)
        })
        .kind(Kind::Percent, Unit::Of("%")),
    ),
    Entry::Field(
        amount("weight", l("分值", "Weight (maximum points)"), |r| {
            r.project.as_ref().and_then(|s| s.weight)
        })
        .kind(Kind::Points, Unit::Of("分"))
        .hint("of the 年度资金总额 row (资金执行率)"),
    ),
    Entry::Field(
        amount("score", l("得分", "Score"), |r| {
            r.project.as_ref().and_then(|s| s.score)
        })
        .kind(Kind::Points, Unit::Of("分"))
        .hint("of the 年度资金总额 row: 执行率 × 分值, at most 分值"),
    ),
    Entry::Field(note(|r| r.project.as_ref().and_then(|s| s.note.as_deref()))),
];

/// The rows under 年度资金总额 that the two forms print, with the group each adds up in: the
/// project form's sources, the department form's sources (按收入性质分) and kinds of spending
/// (按支出性质分). Each group sums to the total row.
pub const FUNDS_ROWS: &[(Known, &str)] = &[
    (
        known(
            "fiscal",
            "其中：当年财政拨款",
            "of which current-year fiscal appropriations",
            None,
        ),
        "source",
    ),
    (
        known(
            "carryover",
            "上年结转资金",
            "Funds carried over from the previous year",
            None,
        ),
        "source",
    ),
    (known("other", "其他资金", "Other funds", None), "source"),
    (
        known("general_public", "一般公共预算", "General public budget", None),
        "income",
    ),
    (
        known(
            "government_funds",
            "政府性基金预算",
            "Government-managed funds budget",
            None,
        ),
        "income",
    ),
    (
        known(
            "state_capital",
            "国有资本经营预算",
            "State capital operations budget",
            None,
        ),
        "income",
    ),
    (
        known(
            "special_account",
            "财政专户管理资金",
            "Funds managed in special fiscal accounts",
            None,
        ),
        "income",
    ),
    (known("unit_funds", "单位资金", "The unit's own funds", None), "income"),
    (known("basic", "基本支出", "Basic expenditure", None), "spending"),
    (known("project", "项目支出", "Project expenditure", None), "spending"),
];

/// The columns of the funds block, in the form's order (年初预算数 … 得分).
pub const FUNDS_COLUMNS: &[LineField] = &[
    line_field("initial", "年初预算数", "Initial budget", Kind::Amount, None),
    line_field(
        "full_year",
        "全年预算数",
        "Full-year (adjusted) budget",
        Kind::Amount,
        None,
    ),
    line_field("actual", "全年执行数", "Full-year outturn (actual)", Kind::Amount, None),
    line_field("weight", "分值", "Weight (maximum points)", Kind::Points, None),
    line_field("rate", "执行率", "Budget execution rate", Kind::Percent, None),
    line_field("score", "得分", "Score", Kind::Points, None),
];

/// Heads of the indicator table with their weights.
const INDICATOR_GROUPS: &[Column<IndicatorGroup, IndicatorText>] = &[
    Column {
        key: "level1",
        label: l("一级指标", "Level-1 indicator"),
        kind: Kind::Text,
        on_page: true,
        text: Some(|g| Some(g.level1.as_str())),
        num: None,
        translated: Some(|t| t.level1.as_deref()),
    },
    Column {
        key: "level2",
        label: l("二级指标", "Level-2 indicator"),
        kind: Kind::Text,
        on_page: true,
        text: Some(|g| g.level2.as_deref()),
        num: None,
        translated: Some(|t| t.level2.as_deref()),
    },
    Column {
        key: "weight",
        label: l("分值", "Weight"),
        kind: Kind::Points,
        on_page: true,
        text: None,
        num: Some(|g| g.weight),
        translated: None,
    },
    Column {
        key: "score",
        label: l("得分", "Score"),
        kind: Kind::Points,
        on_page: true,
        text: None,
        num: Some(|g| g.score),
        translated: None,
    },
];

const GOALS: &[Column<Goal, Goal>] = &[
    Column {
        key: "target",
        label: l("预期目标", "Expected objective"),
        kind: Kind::Text,
        on_page: true,
        text: Some(|g| g.target.as_deref()),
        num: None,
        translated: Some(|g| g.target.as_deref()),
    },
    Column {
        key: "actual",
        label: l("实际完成情况", "Actual result"),
        kind: Kind::Text,
        on_page: true,
        text: Some(|g| g.actual.as_deref()),
        num: None,
        translated: Some(|g| g.actual.as_deref()),
    },
];

/// A text column of the indicator table that a translation translates.
macro_rules! indicator_text {
    ($key:ident, $zh:expr, $en:expr) => {
        Column {
            key: stringify!($key),
            label: l($zh, $en),
            kind: Kind::Text,
            on_page: true,
            text: Some(|i: &Indicator| i.$key.as_deref()),
            num: None,
            translated: Some(|t: &IndicatorText| t.$key.as_deref()),
        }
    };
}

/// A number of the indicator table.
macro_rules! indicator_num {
    ($key:ident, $zh:expr, $en:expr, $kind:expr, $on_page:expr) => {
        Column {
            key: stringify!($key),
            label: l($zh, $en),
            kind: $kind,
            on_page: $on_page,
            text: None,
            num: Some(|i: &Indicator| i.$key),
            translated: None,
        }
    };
}

/// The columns of the 项目支出绩效自评表's indicator table, in its order.
const INDICATORS: &[Column<Indicator, IndicatorText>] = &[
    indicator_text!(level1, "一级指标", "Level-1 indicator"),
    indicator_text!(level2, "二级指标", "Level-2 indicator"),
    indicator_text!(level3, "三级指标", "Level-3 indicator"),
    indicator_text!(target, "年度指标值", "Annual target"),
    indicator_num!(
        target_value,
        "年度指标值（数值）",
        "The number in the target, where given",
        Kind::Count,
        false
    ),
    indicator_text!(actual, "实际完成值", "Actual result"),
    indicator_num!(
        actual_value,
        "实际完成值（数值）",
        "The number in the actual result, where given",
        Kind::Count,
        false
    ),
    Column {
        key: "unit",
        label: l("计量单位", "Unit of target_value and actual_value"),
        kind: Kind::Text,
        on_page: false,
        text: Some(|i| i.unit.as_deref()),
        num: None,
        translated: None,
    },
    indicator_num!(weight, "分值", "Weight", Kind::Points, true),
    indicator_num!(score, "得分", "Score", Kind::Points, true),
    indicator_text!(
        deviation,
        "偏差原因分析及改进措施",
        "Reasons for deviation and corrective measures"
    ),
];

/// Every section, in page order.
pub const SECTIONS: &[Section] = &[
    Section {
        key: "evaluation",
        path: "evaluation",
        title: l("自评结果", "Self-evaluation result"),
        csv_prefix: "evaluation",
        body: Body::Rows(EVALUATION),
        given: |r| r.evaluation.is_some(),
        shown: Shown::Always,
    },
    Section {
        key: "scale",
        path: "evaluation.scale",
        title: l("等级标准", "Grading scale"),
        csv_prefix: "evaluation_scale",
        body: Body::Rows(SCALE),
        given: |r| {
            let s = r.evaluation.as_ref().and_then(|e| e.scale.as_ref());
            s.is_some_and(|s| s.excellent.is_some() || s.good.is_some() || s.fair.is_some())
        },
        shown: Shown::WhenGiven,
    },
    Section {
        key: "budget",
        path: "budget",
        title: l("预算", "Budget"),
        csv_prefix: "budget",
        body: Body::Rows(BUDGET),
        given: |r| r.budget.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "final_accounts",
        path: "final_accounts",
        title: l("决算", "Final accounts"),
        csv_prefix: "final",
        body: Body::Rows(FINAL_ACCOUNTS),
        given: |r| r.final_accounts.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "expenditure",
        path: "expenditure",
        title: l("支出", "Expenditure"),
        csv_prefix: "expenditure",
        body: Body::Rows(EXPENDITURE),
        given: |r| r.expenditure.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "by_fund",
        path: "expenditure.by_fund",
        title: l("按预算来源的支出", "Expenditure by budget"),
        csv_prefix: "expenditure",
        body: Body::Funds,
        given: |r| r.expenditure.as_ref().is_some_and(|e| !e.by_fund.is_empty()),
        shown: Shown::WhenGiven,
    },
    Section {
        key: "project_items",
        path: "expenditure.project_items",
        title: PROJECT_ITEMS.label,
        csv_prefix: "expenditure",
        body: Body::List(PROJECT_ITEMS),
        given: |r| r.expenditure.as_ref().is_some_and(|e| !e.project_items.is_empty()),
        shown: Shown::WhenGiven,
    },
    Section {
        key: "three_public",
        path: "three_public",
        title: l("“三公”经费", "\"Three public expenses\""),
        csv_prefix: "three_public",
        body: Body::Lines(LINES, LINE_FIELDS),
        given: |r| r.three_public.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "assets",
        path: "assets",
        title: l("资产", "Assets"),
        csv_prefix: "assets",
        body: Body::Rows(ASSETS),
        given: |r| r.assets.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "staffing",
        path: "staffing",
        title: l("人员与车辆", "Staffing and vehicles"),
        csv_prefix: "staffing",
        body: Body::Rows(STAFFING),
        given: |r| r.staffing.is_some(),
        shown: Shown::Department,
    },
    Section {
        key: "economy",
        path: "economy",
        title: ECONOMY_ITEMS.label,
        csv_prefix: "economy",
        body: Body::List(ECONOMY_ITEMS),
        given: |r| !r.economy.is_empty(),
        shown: Shown::Department,
    },
    Section {
        key: "project",
        path: "project",
        title: l("项目资金", "Project funds"),
        csv_prefix: "project",
        body: Body::Rows(PROJECT),
        given: |r| r.project.is_some(),
        shown: Shown::Project,
    },
    Section {
        key: "funds_rows",
        path: "project.rows",
        title: l("资金明细", "Funds by row"),
        csv_prefix: "project_rows",
        body: Body::Matrix(FUNDS_ROWS, FUNDS_COLUMNS),
        given: |r| r.project.as_ref().is_some_and(|p| !p.rows.is_empty()),
        shown: Shown::WhenGiven,
    },
    Section {
        key: "goals",
        path: "goals",
        title: l("年度总体目标", "Annual overall objectives"),
        csv_prefix: "goals",
        body: Body::Goals(GOALS),
        given: |r| !r.goals.is_empty(),
        shown: Shown::Project,
    },
    Section {
        key: "indicators",
        path: "indicators",
        title: l("绩效指标", "Performance indicators"),
        csv_prefix: "indicators",
        body: Body::Indicators(INDICATORS),
        given: |r| !r.indicators.is_empty(),
        shown: Shown::Project,
    },
    Section {
        key: "indicator_groups",
        path: "indicator_groups",
        title: l("指标分值", "Indicator heads and weights"),
        csv_prefix: "indicator_groups",
        body: Body::Groups(INDICATOR_GROUPS),
        given: |r| !r.indicator_groups.is_empty(),
        shown: Shown::WhenGiven,
    },
];
