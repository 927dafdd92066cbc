//! 名词解释 / Glossary: the terms of the reports (from `GLOSSARY.md` of the project, the
//! Chinese and English names every page uses) with plain-language definitions in both
//! languages. Each term has a stable id, the anchor pages link to (`glossary/#three-public`).

/// One term.
pub struct Term {
    /// The anchor: `glossary/#<id>`.
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub def_zh: &'static str,
    pub def_en: &'static str,
}

/// The site's folder of the glossary page, below the language's folder.
pub const PATH: &str = "glossary/";

/// Every term, in reading order: the report, its money, its targets, its score.
pub const TERMS: &[Term] = &[
    Term {
        id: "self-evaluation-report",
        zh: "部门整体支出绩效自评报告",
        en: "Department-wide (overall) expenditure performance self-evaluation report",
        def_zh: "单位每年对自己全部支出花得怎么样所写的总结：花了多少钱、用在哪里、计划做的事做成了多少，并给自己打分。是单位自己写、自己评的，不是审计或上级的检查结论。",
        def_en: "A unit's yearly account of all its spending: how much it spent, on what, how much of what it planned it achieved, and the score it gives itself. The unit writes and grades it itself; it is not an audit or an inspection by a higher authority.",
    },
    Term {
        id: "project-self-evaluation",
        zh: "项目支出绩效自评（表）",
        en: "Project expenditure performance self-evaluation (form)",
        def_zh: "对某一个项目（一笔专项资金）的同样的自我评价，通常用一张统一格式的表：资金、目标、指标、得分。",
        def_en: "The same self-assessment for one project (one earmarked fund), usually as a standard form: funds, objectives, indicators and score.",
    },
    Term {
        id: "performance-management",
        zh: "预算绩效管理",
        en: "Budget performance management",
        def_zh: "政府要求各单位花钱前定目标、花钱后看效果的一套做法，绩效自评是其中的一步。",
        def_en: "The rules under which government units set targets before spending and check results afterwards; the self-evaluation is one step of it.",
    },
    Term {
        id: "budget",
        zh: "预算",
        en: "Budget",
        def_zh: "年初批准的花钱计划：预计收入多少、准备花多少、花在哪里。",
        def_en: "The spending plan approved for the year: the income expected, how much may be spent and on what.",
    },
    Term {
        id: "final-accounts",
        zh: "决算",
        en: "Final accounts",
        def_zh: "年度结束后的实际账目：实际收了多少、实际花了多少。决算数就是实际数。",
        def_en: "The actual accounts after the year ends: what really came in and what was really spent. A final-accounts figure is an actual figure.",
    },
    Term {
        id: "general-public-budget",
        zh: "一般公共预算",
        en: "General public budget",
        def_zh: "政府最主要的账本，钱主要来自税收，用于日常运转和公共服务。",
        def_en: "The government's main account, funded mostly by taxes, paying for day-to-day running and public services.",
    },
    Term {
        id: "government-funds",
        zh: "政府性基金预算",
        en: "Government-managed funds budget",
        def_zh: "专款专用的账本，钱主要来自土地出让等特定收入，只能用于规定的用途（如基础设施）。",
        def_en: "A ring-fenced account funded by specific income such as land sales, which may be spent only on set purposes such as infrastructure.",
    },
    Term {
        id: "state-capital",
        zh: "国有资本经营预算",
        en: "State capital operations budget",
        def_zh: "国有企业上交的利润等收入及其用途的账本。",
        def_en: "The account of the profits state-owned enterprises pay in, and what they are spent on.",
    },
    Term {
        id: "social-insurance",
        zh: "社会保险基金预算",
        en: "Social insurance funds budget",
        def_zh: "养老、医疗等社会保险的收支账本。",
        def_en: "The account of pension, health and other social insurance income and payments.",
    },
    Term {
        id: "fiscal-appropriations",
        zh: "财政拨款",
        en: "Fiscal appropriations",
        def_zh: "财政部门拨给单位的钱，是园区管委会等单位最主要的收入来源。",
        def_en: "Money the finance bureau allocates to the unit: the main source of income of a park's administrative committee.",
    },
    Term {
        id: "basic-expenditure",
        zh: "基本支出",
        en: "Basic expenditure",
        def_zh: "维持单位日常运转的钱：发工资（人员经费）和办公、水电等开销（公用经费）。",
        def_en: "The money that keeps the unit running: salaries (personnel expenses) and office, utilities and similar costs (public expenses).",
    },
    Term {
        id: "project-expenditure",
        zh: "项目支出",
        en: "Project expenditure",
        def_zh: "为完成特定任务花的钱，如修路、建厂房、给企业的补贴。",
        def_en: "Money spent on specific tasks, such as building roads or factories, or subsidies to enterprises.",
    },
    Term {
        id: "personnel-expenses",
        zh: "人员经费",
        en: "Personnel expenses",
        def_zh: "基本支出中发给人的钱：工资、津贴、社保缴费等。",
        def_en: "The part of basic expenditure paid to people: salaries, allowances, social insurance contributions.",
    },
    Term {
        id: "public-expenses",
        zh: "公用经费",
        en: "Public (office and operating) expenses",
        def_zh: "基本支出中维持办公的钱：办公用品、水电、差旅、会议、培训等。",
        def_en: "The part of basic expenditure that keeps offices working: supplies, utilities, travel, meetings, training.",
    },
    Term {
        id: "three-public",
        zh: "三公经费",
        en: "\"Three public expenses\"",
        def_zh: "社会最关心的三项公务开销：因公出国（境）费、公务接待费、公务用车购置及运行维护费。国家要求逐年压减并公开。",
        def_en: "The three official costs the public watches most closely: official overseas travel, official hospitality, and buying and running official vehicles. Units must publish them and are expected to cut them.",
    },
    Term {
        id: "overseas-travel",
        zh: "因公出国（境）费",
        en: "Official overseas (outbound) travel",
        def_zh: "工作人员因公出国或到港澳台的交通、住宿等费用。",
        def_en: "Travel and lodging of staff sent abroad, or to Hong Kong, Macao or Taiwan, on official business.",
    },
    Term {
        id: "hospitality",
        zh: "公务接待费",
        en: "Official hospitality (receptions)",
        def_zh: "接待来访公务人员的用餐、住宿等费用；报告常写明接待了多少批、多少人次。",
        def_en: "Meals and lodging for official visitors; reports often give the number of groups (batches) and visits.",
    },
    Term {
        id: "vehicles",
        zh: "公务用车购置及运行维护费",
        en: "Purchase, operation and maintenance of official vehicles",
        def_zh: "买公车的钱和公车的油费、维修、保险等费用。",
        def_en: "Buying official cars, and their fuel, repairs and insurance.",
    },
    Term {
        id: "operating-expenses",
        zh: "机关运行经费",
        en: "Administrative operating expenses",
        def_zh: "行政单位为保障机关运行用于购买货物和服务的各项费用，与公用经费大体相当。",
        def_en: "What an administrative body spends on goods and services to keep running; roughly its public expenses.",
    },
    Term {
        id: "initial-budget",
        zh: "年初预算数",
        en: "Initial budget",
        def_zh: "年初批准的预算金额。",
        def_en: "The budget as approved at the start of the year.",
    },
    Term {
        id: "full-year-budget",
        zh: "全年预算数",
        en: "Full-year (adjusted) budget",
        def_zh: "年中追加或调减之后的全年预算金额，执行率通常以它为分母。",
        def_en: "The budget after in-year additions and cuts; the execution rate is usually measured against it.",
    },
    Term {
        id: "outturn",
        zh: "全年执行数",
        en: "Full-year outturn (actual)",
        def_zh: "全年实际花出去的钱。",
        def_en: "What was actually spent in the year.",
    },
    Term {
        id: "execution-rate",
        zh: "执行率",
        en: "Budget execution rate",
        def_zh: "实际花的钱占预算的百分比（执行数 ÷ 预算数）。接近100%说明按计划花了钱，但不说明钱花得好不好。",
        def_en: "Actual spending as a percentage of the budget (outturn ÷ budget). Close to 100% means the money was spent as planned; it does not say whether it was spent well.",
    },
    Term {
        id: "carry-forward",
        zh: "结转结余",
        en: "Balance carried forward",
        def_zh: "上年没花完、转到本年的钱（年初结转结余），或本年没花完、转到下年的钱（年末结转结余）。",
        def_en: "Money left unspent from last year and brought into this one (at the start of the year), or left unspent this year and taken into the next (at the end).",
    },
    Term {
        id: "performance-objectives",
        zh: "绩效目标",
        en: "Performance objectives",
        def_zh: "单位年初定下的、这笔钱要达到的结果，如“新建标准厂房不少于10万平方米”。",
        def_en: "The results the unit set at the start of the year for the money, such as \"at least 100,000 m² of new standard factories\".",
    },
    Term {
        id: "performance-indicators",
        zh: "绩效指标",
        en: "Performance indicators",
        def_zh: "把目标拆成可以量的具体项目，每项有年度指标值（目标）和实际完成值（结果），分一级、二级、三级指标。",
        def_en: "The objectives broken down into measurable items, each with an annual target and an actual result, in three levels.",
    },
    Term {
        id: "outputs-outcomes",
        zh: "产出指标 / 效益指标",
        en: "Outputs / outcomes",
        def_zh: "产出是做了什么（数量、质量、时效、成本）；效益是带来了什么（经济、社会、生态、可持续影响）。",
        def_en: "Outputs are what was done (quantity, quality, timeliness, cost); outcomes are what it brought about (economic, social, ecological, sustainability).",
    },
    Term {
        id: "satisfaction",
        zh: "服务对象满意度",
        en: "Beneficiary satisfaction",
        def_zh: "接受服务的企业或群众是否满意，通常由调查得出的百分比。",
        def_en: "Whether the enterprises or people served are satisfied, usually a percentage from a survey.",
    },
    Term {
        id: "target-actual",
        zh: "年度指标值 / 实际完成值",
        en: "Annual target / actual result",
        def_zh: "年初定的目标数与年底实际做到的数。本站在报告页上逐项比较两者，比较不了的会注明。",
        def_en: "The target set for the year and what was actually achieved. Report pages on this site compare the two item by item, and say so where they cannot be compared.",
    },
    Term {
        id: "weight-score",
        zh: "分值 / 得分",
        en: "Weight (maximum points) / score",
        def_zh: "每个指标最多能得的分（分值）和单位给自己打的分（得分）。",
        def_en: "The most points an indicator can earn (its weight) and the points the unit gave itself (its score).",
    },
    Term {
        id: "self-evaluation-score",
        zh: "自评得分",
        en: "Self-evaluation score",
        def_zh: "单位按规定的评分表给自己打的总分，满分100分。这是自己评的分，不是审计、财政部门或第三方的评价。",
        def_en: "The total the unit gives itself on the official scoring sheet, out of 100. It is a self-assessment, not a score from an auditor, the finance bureau or an independent evaluator.",
    },
    Term {
        id: "grade",
        zh: "绩效等级",
        en: "Grade",
        def_zh: "按自评得分划分的等级：优（90分及以上）、良（80至90分）、中（60至80分）、差（60分以下）。报告另有标准的，以报告为准。",
        def_en: "The band of the self-evaluation score: Excellent (90 or more), Good (80 to under 90), Fair (60 to under 80), Poor (under 60), unless the report sets another scale.",
    },
    Term {
        id: "deviation",
        zh: "偏差原因分析及改进措施",
        en: "Reasons for deviation and corrective measures",
        def_zh: "没有达到目标时，单位对原因的说明和下一步打算。",
        def_en: "Where a target was missed, the unit's explanation and what it will do next.",
    },
    Term {
        id: "administrative-committee",
        zh: "管理委员会（管委会）",
        en: "Administrative Committee",
        def_zh: "政府派出、负责管理一个园区（开发区）的机构，报告多由它发布。",
        def_en: "The government body that runs a park (development zone); it publishes most of these reports.",
    },
    Term {
        id: "park-types",
        zh: "经济技术开发区 / 高新技术产业开发区 / 工业集中区 / 工业园",
        en: "Economic and Technological Development Zone / High-tech Industrial Development Zone / Industrial Concentration Zone / Industrial Park",
        def_zh: "园区的几种名称，级别和政策不同，但都是集中发展工业的区域。",
        def_en: "Names of kinds of park, with different ranks and policies, all areas set aside for industry.",
    },
    Term {
        id: "wan-yuan",
        zh: "万元",
        en: "CNY 10,000",
        def_zh: "一万元。报告金额大多以万元为单位：166,246.71万元约等于16.6亿元。1亿元 = 10,000万元。",
        def_en: "Ten thousand yuan, the unit most report amounts are in: 166,246.71 (CNY 10,000) is about CNY 1.66 billion.",
    },
    Term {
        id: "not-disclosed",
        zh: "未披露",
        en: "Not disclosed",
        def_zh: "报告里没有写这个数。未披露不等于0。",
        def_en: "The report does not state the figure. Not disclosed is never the same as 0.",
    },
    Term {
        id: "computed",
        zh: "计算值",
        en: "Computed from the stated parts",
        def_zh: "报告没写合计、但写了全部组成部分时，本站把各部分相加得出的数，并明确标注，不当作报告所列的数。",
        def_en: "Where a report gives every part of a total but not the total itself, this site adds the parts up and marks the sum as computed, never as stated.",
    },
];

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_anchors_and_every_term_is_defined_in_both_languages() {
        let mut ids: Vec<&str> = TERMS.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TERMS.len());
        for t in TERMS {
            assert!(t.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", t.id);
            assert!(!t.def_zh.is_empty() && !t.def_en.is_empty(), "{}", t.id);
            assert!(!super::super::tables::has_cjk(t.en), "{}", t.en);
            assert!(!super::super::tables::has_cjk(t.def_en), "{}", t.def_en);
        }
        for id in [
            "three-public",
            "final-accounts",
            "execution-rate",
            "self-evaluation-score",
            "grade",
        ] {
            assert!(term(id).is_some(), "{id}");
        }
    }
}
