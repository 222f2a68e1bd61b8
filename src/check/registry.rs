//! The rule registry: every rule as data. `docs/RULES.md` is generated from it (a test fails
//! when the committed file differs), and a test fails when a rule lacks a passing and a
//! failing example.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

use super::finding::Severity;

/// One rule of the checker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rule {
    /// The stable code, e.g. `T002`. Codes are never reused.
    pub code: RuleCode,
    /// A short name in English, kebab-case.
    pub name: &'static str,
    /// A short title in Chinese.
    pub title: &'static str,
    /// The identity or expectation the rule asserts, in plain words.
    pub identity: &'static str,
    /// The severity of a violation unless the policy overrides it. Truncation is always a
    /// warning and a tail difference info.
    pub severity: Severity,
    /// What the rule reads.
    pub reads: &'static str,
    /// The anchor in docs/DOMAIN.md §3 or §6, when there is one.
    pub domain: &'static str,
}

/// The rule with `code`, `None` when no rule has it.
///
/// ```
/// use fiscal_cn::check::{RuleCode, rule};
///
/// assert_eq!(rule("N003").map(|r| r.code), Some(RuleCode::N003));
/// assert!(rule("Z001").is_none());
/// ```
#[must_use]
pub fn rule(code: &str) -> Option<&'static Rule> {
    code.parse::<RuleCode>().ok().map(RuleCode::rule)
}

impl RuleCode {
    /// The rule of the registry with this code.
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        // The variants are declared in the order of `RULES`, one per rule.
        &RULES[self as usize]
    }
}

/// A rule as a [`Policy`](super::Policy) setter takes it: a [`RuleCode`], or its code as text
/// (`"N003"`, from a configuration file or a command line), which is checked against the
/// registry. The trait is sealed.
///
/// ```
/// use fiscal_cn::check::{Policy, RuleCode, Severity};
///
/// let mut policy = Policy::default();
/// policy.set_severity(RuleCode::T002, Severity::Warning)?;
/// policy.disable("C001")?;
/// assert!(policy.disable("Z999").is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub trait IntoRuleCode: sealed::Sealed {
    /// The rule code.
    ///
    /// # Errors
    /// [`Error::UnknownName`] when text names no rule of the registry.
    fn into_rule_code(self) -> Result<RuleCode>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::RuleCode {}
    impl Sealed for &str {}
    impl Sealed for &String {}
}

impl IntoRuleCode for RuleCode {
    fn into_rule_code(self) -> Result<RuleCode> {
        Ok(self)
    }
}

impl IntoRuleCode for &str {
    fn into_rule_code(self) -> Result<RuleCode> {
        self.parse()
    }
}

impl IntoRuleCode for &String {
    fn into_rule_code(self) -> Result<RuleCode> {
        self.parse()
    }
}

impl fmt::Display for RuleCode {
    /// The code as published: `N003`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RuleCode {
    type Err = Error;

    /// The code exactly as published (`N003`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] when no rule of the registry has the code.
    fn from_str(code: &str) -> Result<RuleCode> {
        RuleCode::from_code(code).ok_or_else(|| Error::UnknownName {
            kind: "检查规则",
            input: code.to_owned(),
        })
    }
}

impl PartialEq<str> for RuleCode {
    fn eq(&self, code: &str) -> bool {
        self.as_str() == code
    }
}

impl PartialEq<&str> for RuleCode {
    fn eq(&self, code: &&str) -> bool {
        self.as_str() == *code
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RuleCode {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RuleCode {
    /// The code as a string; a code no rule has is an error naming it.
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

macro_rules! rules {
    ($( $code:ident $name:literal $title:literal $severity:ident $domain:literal
        reads $reads:literal : $identity:literal ;)+) => {
        /// The code of a rule of the registry: one variant per rule, so a code no rule has
        /// cannot be written, and a code is one byte, compared and copied for nothing.
        ///
        /// Codes order as their text does (`C001` < `N001` < `T001`); they print, parse and
        /// serialize as the text (`"N003"`), and compare equal to it.
        ///
        /// ```
        /// use fiscal_cn::check::{RuleCode, Severity};
        ///
        /// let code: RuleCode = "N003".parse()?;
        /// assert_eq!(code, RuleCode::N003);
        /// assert_eq!(code.to_string(), "N003");
        /// assert!(code == "N003");
        /// assert_eq!(code.rule().severity, Severity::Error);
        /// assert!("Z999".parse::<RuleCode>().is_err());
        /// # Ok::<(), fiscal_cn::Error>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum RuleCode {
            $(
                #[doc = concat!($title, "。")]
                $code,
            )+
        }

        impl RuleCode {
            /// Every code, in order.
            pub const ALL: &'static [RuleCode] = &[$(RuleCode::$code),+];

            /// The code as published: `N003`.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$code => stringify!($code),)+
                }
            }

            fn from_code(code: &str) -> Option<RuleCode> {
                match code {
                    $(stringify!($code) => Some(RuleCode::$code),)+
                    _ => None,
                }
            }
        }

        /// Every rule, in code order.
        pub static RULES: &[Rule] = &[$(Rule {
            code: RuleCode::$code,
            name: $name,
            title: $title,
            identity: $identity,
            severity: Severity::$severity,
            reads: $reads,
            domain: $domain,
        }),+];
    };
}

rules! {
    C001 "unknown-code" "科目编码不在目录中" Info "§1"
        reads "各表的功能分类编码；分类目录":
        "表中的支出功能分类编码应能在所用的分类目录中找到；嵌入目录并不完整，所以只作提示。";
    C002 "name-differs-from-catalog" "科目名称与目录不符" Warning "§1"
        reads "各表的功能分类编码与名称；分类目录":
        "表中印出的科目名称应与目录中该编码的名称一致（忽略全角半角与类名末尾的“支出”）。";
    C003 "parent-line-missing" "缺少上级科目行" Error "§3 I-7"
        reads "按功能分类列示的表":
        "表中列出某款或某项时，其所属的类（和款）也应列出；上级行缺失时合计无从核对。";
    N001 "statement-differs-from-table" "文中数字与表格不一致" Error "§3 I-8, §6"
        reads "说明中的金额陈述；对应的表格单元格":
        "说明中陈述的金额应与表中同一数字相等（表文一致）。";
    N002 "same-figure-stated-differently" "同一数字前后表述不一致" Error "§6"
        reads "说明中的金额陈述":
        "同一事项、同一年度的金额在文中多处陈述时应相等；后文多处陈述彼此一致而只有第一处不同时，指出第一处。";
    N003 "share-inconsistent" "占比与金额不符" Error "§3 I-16"
        reads "说明中的占比陈述及其部分与整体的金额":
        "占比 = 部分 ÷ 整体 × 100%，按四舍五入后应与公布的占比一致。";
    N004 "growth-inconsistent" "增减额或增长率不符" Error "§3 I-16"
        reads "说明中的增减额、增长率与本年金额":
        "增减额 = 本年 − 上年；增长率 = 增减额 ÷ 上年 × 100%。";
    N005 "completion-inconsistent" "预算完成率与金额不符" Error "§3 I-17"
        reads "说明中的完成率（执行率）、决算数与预算数":
        "完成率 = 决算数 ÷ 预算数 × 100%。同一项目写了两个预算数（如年初预算与调整预算）时，完成率与其中任一个相符即不报。";
    N006 "direction-word-wrong" "增减方向用语与数字不符" Error "§3 I-18"
        reads "说明中的增加/减少/持平等用语与对应数字":
        "“增加/增长”对应正的变动，“减少/下降”对应负的变动，“持平”对应零变动；同一句中的增减额与增长率方向一致。";
    N007 "completion-of-zero-budget" "预算为零却陈述完成率" Warning "§3 I-17"
        reads "说明中的完成率与可推得的预算数":
        "预算数为零时完成率（及与预算相比的增减率）没有定义，应写“—”或说明无预算，不能写 0% 或 100%。";
    N008 "stated-sum-inconsistent" "文中合计与分项不符" Error "§3 I-4, I-5, I-14"
        reads "说明中的合计及其分项（显式的求和关系，或按概念推得的求和关系）":
        "文中给出的合计应等于所列分项之和；“其中”列举不全时合计应不小于分项之和。";
    N009 "count-sum-inconsistent" "数量合计与分项不符" Error "§3 I-19"
        reads "说明中的车辆、批次、人次等计数":
        "计数必须精确相加：车辆总数 = 轿车 + 越野车 + 载客汽车（+ 其他）；同一数量在两处陈述必须相等。";
    N010 "budget-comparison-word-wrong" "与预算比较的用语不符" Error "§3 I-18"
        reads "说明中“与预算持平/大于/小于预算”的用语、决算数与预算数":
        "“持平”要求决算数等于预算数，“大于/超过”要求决算数大于预算数，“小于/低于”要求小于。";
    N011 "unit-slip" "金额单位疑似写错" Warning "§6"
        reads "说明中的金额陈述":
        "以万元公布的文件中，以“元”写出的金额若与同一事项的其他数字相差一万倍左右，很可能是把“万元”写成了“元”。";
    N012 "growth-against-zero-base" "上年为零却陈述增长率" Warning "§3 I-16, I-17"
        reads "说明中的增长率、增减额与本年金额（上年数 = 本年数 − 增减额）":
        "上年数为零时增长率没有定义，应写“—”“不可比”或说明上年无此项，不能写成 0% 或 100% 之类的数字。";
    N013 "year-label-contradicted" "年份标注与上下文矛盾" Warning "§6"
        reads "说明中标注了年份的金额，及同一处的完成率、增减额和其组成部分":
        "报告年度的数字标成了别的年份：同一处给出它的完成率或较上年增减（只有本年数字才有），其组成部分按报告年度列示，而文中没有报告年度的这一数字。按报告年度核对，并提示年份疑误。";
    N014 "shares-exceed-whole" "各部分占比之和不符" Error "§3 I-16"
        reads "说明中同一整体各组成部分的占比陈述，及该整体（或其各部分）的金额":
        "同一整体各部分（互不重叠）的占比之和不能超过 100%；各部分齐全时（如基本支出与项目支出、“三公”经费的三项），占比之和应为 100%。允许各占比四舍五入的误差之和，以及占比所据金额各自四舍五入带来的误差（部分数 + 1 个金额末位的一半除以整体金额）；整体金额无从得知时不作判断。";
    N015 "part-changes-inconsistent" "分项增减与合计增减不符" Error "§3 I-16"
        reads "说明中合计及其组成部分较上年的增减额（“无增减”“持平”为零）与本年数":
        "合计的增减额等于各组成部分增减额之和；某部分未说明增减时，其增加额至多为其本年数（上年数不为负）。所列增减与合计的增减无论如何取整都对不上时报错。";
    N016 "completion-against-implied-zero-budget" "推得预算为零却陈述完成率" Warning "§3 I-17"
        reads "说明中合计的预算数，各部分的决算数与完成率":
        "合计的预算减去其他部分的预算（写明的，或由决算数 ÷ 完成率推得的）后不剩什么时，未写预算的部分预算为零，不应陈述完成率（应写“—”）。推得的预算依赖四舍五入后的完成率，所以只作警告。";
    N017 "wording-flaw" "措辞自相矛盾或保留模板备选" Warning "§6"
        reads "说明中的增减、比较用语，科目名称，单位名称，说明增减原因的用语":
        "同一处不能既说“增加”又说“持平”；“小于预算数（或与预算数持平）”“增加（减少）”这类模板中的备选说法应按实际删去不适用的一个；“XX（单位名称）”“20XX年”这类待填写的占位内容应填入实际内容；科目名称应与所标层级相符；单位名称应与标题一致；预算中与上年持平的数字不应以上一年度的计划说明原因（疑为沿用上年文本）；一个功能分类科目的增减不能以其他类科目的同向增减说明（它只含其下的款、项；说明支出在科目间调整的除外）。";
    N018 "class-listing-short" "所列各类之和少于合计" Warning "§3 I-5"
        reads "说明中合计及其后“其中”所列的支出功能分类各类金额（三类以上）":
        "“其中”所列不必齐全，但按类列出时通常是完整的分解：各类之和比合计少出四舍五入允许的范围时，可能漏列了某一类或某个数字有误。";
    N019 "part-budgets-inconsistent" "各部分预算之和与合计预算不符" Error "§3 I-17"
        reads "说明中合计与其全部组成部分的预算数、决算数与完成率":
        "各组成部分的预算（写明的，或由决算数 ÷ 完成率推得的）之和等于合计的预算；按各数四舍五入的区间都对不上时报错，说明某个完成率或金额有误。";
    N020 "report-year-contradicted" "标题年度与正文不符" Warning "§6"
        reads "标题的年度；正文反复陈述的年度":
        "正文以某一年为本年而标题写的是另一年时（正文几乎不提标题的年份），标题或正文的年份沿用了别年的报告。";
    N021 "change-differs-from-table" "增减额与表中不符" Error "§3 I-16"
        reads "说明中本年较上年的增减额；表中同一数字所在行的增减额（或本年数与上年预算数、上年执行数）":
        "说明所述较上年的增减额应等于表中该数字所在行印出的增减额；未印增减额时，本年数 = 上年数 + 说明所述增减额。";
    N022 "line-name-differs-from-table" "科目名称与表中不符" Warning "§6"
        reads "说明中随编码或类、款、项路径印出的功能分类科目名称；表中同一编码行的科目名称":
        "同一公开中，一个功能分类科目的名称在说明和表中应一致；不一致时至少有一处写错（常见为沿用旧科目名称），检查不判断是哪一处。";
    N023 "change-against-budget-inconsistent" "与预算相比的增减额或增减率不符" Error "§3 I-17"
        reads "决算说明中较本年预算的增减额和增减率；本年数；同一分句中印出的所比预算数":
        "与本年预算相比的增减率 = 增减额 ÷（本年数 − 增减额），即增减额占预算数的比重；同一分句印出所比的预算数时（较预算数X减少Y），本年数 = 预算数 + 增减额。增减额与增减率的方向用语应一致（N006）。";
    N024 "grand-total-changes-differ" "收支总计的增减额不相等" Error "§3 I-3"
        reads "说明中本年的收入总计与支出总计及两者较上年的增减额（财政拨款收支总计亦同）":
        "收入总计 = 支出总计，每年如此；说明所述本年两者相等时，两者较上年的增减额也必须相等。";
    N025 "grand-totals-differ" "收支总计不相等" Warning "§3 I-3"
        reads "部门说明中本年的收入总计与支出总计（财政拨款收支总计亦同）":
        "收入总计 = 支出总计：说明所述本年两者必须相等（按四舍五入允许范围）。不等时多为文中把本年收入、本年支出称作“总计”（未含结转和结余），也可能是笔误：两者必居其一，报为警告。政府的收支总计不必相等，不核对。";
    P001 "operating-funds-not-applicable" "事业单位陈述机关运行经费" Warning "§4"
        reads "单位性质；说明中的机关运行经费":
        "机关运行经费只适用于行政单位和参公事业单位；单位性质为事业单位时不应陈述非零的机关运行经费。";
    P002 "operating-funds-above-public-funds" "机关运行经费超过公用经费" Error "§4"
        reads "说明中的机关运行经费；一般公共预算财政拨款基本支出的公用经费（说明或基本支出决算表）":
        "机关运行经费 ≤ 一般公共预算财政拨款基本支出中的公用经费（超出部分大于四舍五入允许范围才报告）。";
    P003 "weights-not-100" "自评表分值合计不是100分" Error "§5"
        reads "项目支出和部门整体支出绩效自评表的分值":
        "预算执行率分值 + 各绩效指标分值（含不适用指标）= 100 分。";
    P004 "self-evaluation-score-inconsistent" "自评得分与分值或计算结果不符" Error "§5"
        reads "绩效自评表的分值、完成值、填列得分、预算数、执行数和执行率":
        "每项得分不超过其分值；填列得分与按完成值和分值计算的得分之差不超过得分印制精度的一半；填列的预算执行率 = 执行数 ÷ 预算数（按四舍五入允许范围）。";
    P005 "self-evaluation-total-inconsistent" "自评总分与各项得分之和不符" Error "§5"
        reads "绩效自评表的总分和各项填列得分":
        "填列的总分 = 预算执行率得分 + 各适用指标得分（按四舍五入允许范围）。";
    P006 "execution-rate-unexplained" "预算执行率异常且未说明原因" Warning "§5, §6"
        reads "绩效自评表的预算数、执行数和偏差原因；说明中项目的预算执行率及其所在段落":
        "预算执行率高于 100% 或低于 90% 时应说明原因：自评表填列偏差原因，说明中同一句或同一段落有“原因、由于、因为、系因、导致、致使、所致”之类的说明。";
    P007 "projects-exceed-project-expenditure" "所列项目支出超过项目支出总额" Error "§3 I-5, I-10"
        reads "说明中各项目的实际支出、项目支出决算表；项目支出总额（说明或支出决算表，其次一般公共预算）":
        "文中所列各项目的实际支出之和 ≤ 项目支出总额（超出部分大于四舍五入允许范围才报告）。";
    P008 "indicators-not-given" "自评表未列绩效指标" Info "§5"
        reads "项目或部门整体支出绩效自评表":
        "自评表只给出预算执行率而未给出绩效指标时，分值合计与总分无法核对：不按完整的表核对，只提示未能核对的部分。";
    S001 "income-grand-total" "收入总计" Error "§3 I-1"
        reads "收入支出决算总表":
        "收入总计 = 本年收入合计 + 使用非财政拨款结余（含专用结余） + 年初结转和结余。";
    S002 "expenditure-grand-total" "支出总计" Error "§3 I-2"
        reads "收入支出决算总表":
        "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。";
    S003 "grand-totals-equal" "收支总计相等" Error "§3 I-3"
        reads "收入支出决算总表":
        "收入总计 = 支出总计。";
    S004 "income-by-source" "本年收入合计" Error "§3 I-4"
        reads "收入支出决算总表":
        "本年收入合计 = 八项收入来源之和。";
    S005 "expenditure-by-class" "本年支出合计" Error "§3 I-5, I-7"
        reads "收入支出决算总表":
        "本年支出合计 = 支出方各类支出之和。";
    S006 "fund-balance" "财政拨款结转结余平衡" Error "§3 I-9"
        reads "财政拨款收入支出决算总表；政府性基金和国有资本经营预算表":
        "按资金性质：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。";
    S007 "appropriation-totals-equal" "财政拨款收支总计相等" Error "§3 I-3, I-9"
        reads "财政拨款收入支出决算总表":
        "财政拨款收入总计 = 财政拨款支出总计。";
    S008 "appropriation-income-by-fund" "本年财政拨款收入" Error "§3 I-9"
        reads "财政拨款收入支出决算总表":
        "本年财政拨款收入 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + 国有资本经营预算财政拨款收入。";
    T001 "row-total" "行合计等于各列之和" Error "§3 I-6, I-10"
        reads "收入表、支出表、财政拨款收支总表、一般公共预算支出表、基金表（决算与预算）、政府采购预算表":
        "每一行的合计列 = 该行各组成列之和（如 合计 = 基本支出 + 项目支出；基金表 本年支出 = 基本 + 项目；政府采购 合计 = 货物 + 工程 + 服务）。";
    T002 "hierarchy-sum" "上下级科目相加" Error "§3 I-7"
        reads "按功能分类或经济分类列示的表":
        "每一列中：类 = 所属款之和，款 = 所属项之和；只有一个下级时二者必须相等。";
    T003 "total-row" "合计行等于各类之和" Error "§3 I-7"
        reads "按功能分类列示的表":
        "每一列中：合计行 = 各类之和。";
    T004 "personnel-and-public" "人员经费与公用经费" Error "§3 I-13, §4"
        reads "一般公共预算财政拨款基本支出决算表":
        "合计 = 人员经费合计 + 公用经费合计；人员经费合计 = 301 + 303 各类之和；公用经费合计 = 302 + 307 + 309 + 310 + 399 各类之和。";
    T005 "three-public-sum" "“三公”经费合计" Error "§3 I-14"
        reads "财政拨款“三公”经费支出决算表":
        "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车 = 购置 + 运行维护；公务接待 = 国内 + 外事；预算数与决算数各自成立。";
    T006 "breakdown-left-blank" "分项未填写" Warning "§3 I-14"
        reads "“三公”经费表的合计、类与其分项行":
        "合计或小计不为零而其下分项各行全部空白时，分项未填写：空白按惯例读作零，但不能据此断定合计有误，只作警告。";
    T007 "change-against-last-year" "增减额与本年、上年数" Error "§3"
        reads "印有上年预算数（或上年执行数）与增减额的表":
        "每一行：本年数 = 上年预算数（或上年执行数）+ 增减额。";
    T008 "targets-within-projects" "绩效目标项目不超过项目支出" Error "§3"
        reads "项目支出绩效目标表的各项目金额；支出预算表合计行的项目支出":
        "编报绩效目标的项目都是预算的项目支出，其金额之和不能超过项目支出（有的项目可以没有绩效目标，所以只有超过才是错）。";
    T009 "economic-crosswalk" "政府经济分类与部门经济分类不对应" Error "§1"
        reads "同时列示部门预算支出经济分类和政府预算支出经济分类的表（如一般公共预算财政拨款基本支出表）；经济分类对照表":
        "每一列中（增减额、增减率除外）：政府预算支出经济分类的款 = 对照表对应到该款的部门预算支出经济分类各款之和；政府经济分类的类 = 对应到其所属各款的部门经济分类各款之和。对照表未列出的部门经济分类款可能归入任何一个政府经济分类款，所以它在某列有非零金额时，与它同属一类的已列各款所对应的政府经济分类类及其各款在该列不作核对（不猜测）。";
    X001 "cross-table" "表间数字一致" Error "§3 I-8, I-11"
        reads "同一数字出现的两张表":
        "同一数字在不同表中必须相等：总表的本年收入/支出合计与收入表、支出表的合计；各项收入；各类支出；财政拨款总表与一般公共预算支出表。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_registry_in_order() {
        assert_eq!(RuleCode::ALL.len(), RULES.len());
        for (i, code) in RuleCode::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i);
            assert_eq!(code.rule().code, *code);
            assert_eq!(code.rule(), &RULES[i]);
        }
        // Ordering by code is ordering by text (report order relies on it).
        for pair in RuleCode::ALL.windows(2) {
            assert!(pair[0] < pair[1] && pair[0].as_str() < pair[1].as_str());
        }
    }

    #[test]
    fn codes_parse_and_display_as_published() {
        assert_eq!("T002".parse::<RuleCode>().unwrap(), RuleCode::T002);
        assert_eq!(RuleCode::T002.to_string(), "T002");
        assert_eq!(RuleCode::X001.as_str(), "X001");
        assert_eq!(rule("P008").map(|r| r.title), Some("自评表未列绩效指标"));
        assert!(RuleCode::N003 == "N003" && RuleCode::N003 != "N004");
        for bad in ["n003", " N003", "N03", "N0030", "", "Z001"] {
            let err = bad.parse::<RuleCode>().unwrap_err();
            assert!(
                matches!(&err, Error::UnknownName { kind: "检查规则", input } if input == bad),
                "{bad}: {err}"
            );
            assert!(rule(bad).is_none());
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn codes_serialize_as_their_text_and_unknown_ones_are_rejected() {
        assert_eq!(serde_json::to_string(&RuleCode::N017).unwrap(), r#""N017""#);
        let read = |json: &str| serde_json::from_str::<RuleCode>(json);
        assert_eq!(read(r#""N017""#).unwrap(), RuleCode::N017);
        for code in RuleCode::ALL {
            assert_eq!(read(&serde_json::to_string(code).unwrap()).unwrap(), *code);
        }
        let err = read(r#""Z999""#).unwrap_err().to_string();
        assert!(err.contains("Z999") && err.contains("检查规则"), "{err}");
        assert!(read("3").is_err());
        // As a map key too (a policy's severities).
        let map: std::collections::BTreeMap<RuleCode, u8> =
            serde_json::from_str(r#"{"T002": 1}"#).unwrap();
        assert_eq!(map.get(&RuleCode::T002), Some(&1));
        assert!(
            serde_json::from_str::<std::collections::BTreeMap<RuleCode, u8>>(r#"{"T02": 1}"#)
                .is_err()
        );
    }
}
