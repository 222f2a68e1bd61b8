//! Why the reader left a clause unread: [`UnparsedReason`], defined beside the vocabulary whose
//! naming gives many of the reasons, and found at `narrative::UnparsedReason`.

use crate::classification::{FunctionCode, Level};
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType};
use crate::report::Concept;

/// Why a clause with a figure was not read ([`UnparsedSentence::reason`](crate::narrative::UnparsedSentence::reason)):
/// a closed set of why, with what each case names (the words, the year compared against, the
/// concepts involved). `Display` gives the reader's message in Chinese.
///
/// In JSON (feature `serde`) it is an object with a stable snake_case `kind`, the case's fields
/// and its Chinese `message`; the `message` is ignored when it is read back, so the value
/// round-trips.
///
/// ```
/// use fiscal_cn::narrative::{ReadOptions, UnparsedReason, read_narrative};
///
/// let text = "2024年度某局部门决算说明\n一、收入支出决算总体情况说明\n2024年度收入总计100万元，比2022年增加5万元。";
/// let reading = read_narrative(text, &ReadOptions::default())?;
/// let declined = reading.unparsed.iter().find(|u| u.text.contains("增加5万元")).unwrap();
/// assert_eq!(declined.reason, UnparsedReason::AgainstAnotherYear { year: 2022 });
/// assert_eq!(declined.reason.to_string(), "这是与上年以外的年份相比的增减，不是与上年相比的增减");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self", tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum UnparsedReason {
    /// The figure is another unit's (a unit the text names, or one of a ranking).
    #[error("这是“{unit}”的数字，不是本单位的")]
    OtherUnit {
        /// The other unit, or the ranking's word.
        unit: String,
    },
    /// A word of change or adjustment said of the items listed, not of this one.
    #[error("“{word}”说的是所列各项的增减或调整，不是这一项的金额")]
    ChangeOfTheListed {
        /// The word (`分别增加`, `调整`, …).
        word: String,
    },
    /// A 合计 after parts whose whole is not known.
    #[error("“合计”是前面所列各项之和，但看不出它们是哪一项的分项")]
    TotalOfUnknownParts,
    /// Several figures in a row (`分别为…`) that name no items.
    #[error("分别列出了 {figures} 个数字，却看不出各自是哪一项")]
    UnpairedFigures {
        /// How many figures.
        figures: usize,
    },
    /// Items and figures listed in a row (`分别为…`) that do not pair up.
    #[error("分别列出了 {items} 个项目和 {figures} 个数字，无法一一对应")]
    MismatchedListing {
        /// How many items.
        items: usize,
        /// How many figures.
        figures: usize,
    },
    /// An amount in a listing of changes, which may be a change or a level.
    #[error("“其中”列的是增减额，这个数字没有说是增减额还是本年金额")]
    LevelAmongChanges,
    /// A figure of a reason given (`主要原因是…`), not of the thing.
    #[error("这是原因说明中的数字，不是所说项目本身的数")]
    InAReason,
    /// An income that includes last year's carry-over.
    #[error("这个数字含上年结转（结余），不是本年的这项收入")]
    IncludesCarryOver,
    /// A change on an adjusted base (`扣除一次性因素`, `同口径`).
    #[error("这是扣除某些因素后（同口径、可比口径）的增减，不是所列金额之间的增减")]
    OnAnAdjustedBase,
    /// A change against the year's own budget.
    #[error("这是与本年预算相比的增减，不是与上年相比的增减")]
    AgainstOwnBudget,
    /// A change against a year other than the one before its own (`较2015年下降2.3%` in a
    /// report of 2017).
    #[error("这是与上年以外的年份相比的增减，不是与上年相比的增减")]
    AgainstAnotherYear {
        /// The year compared against.
        year: u16,
    },
    /// A change of final accounts against last year's budget (final accounts compare with
    /// last year's final accounts).
    #[error("这是与上年预算相比的增减，不是与上年决算相比的增减")]
    AgainstLastYearsBudget,
    /// A change against a plan or target (`较采购计划节约资金5.51亿元`).
    #[error("这是与计划（目标）相比的增减，不是与上年相比的增减")]
    AgainstAPlan,
    /// A figure compared with a five-year plan's period (`比“十三五”541亿元增加294亿元`): the
    /// period's amount, the change against it and its rate are of five years, not of last
    /// year.
    #[error("这是与五年规划时期（如“十三五”）相比的数字，不是与上年相比")]
    AgainstAPlanPeriod,
    /// A rate or change averaged over several years (`年均增长19.33%`).
    #[error("这是多年的年均增减，不是与上年相比的增减")]
    AveragedOverYears,
    /// A change against a figure reported earlier for the same year, an estimate of it
    /// (`比向人代会报告数据增加9936万元`, `比预计执行数增加`).
    #[error("这是与此前报告的同年预计数（执行数）相比的增减，不是与上年相比的增减")]
    AgainstAnEstimate,
    /// A change whose words keep a template's two directions (`减少（增加）0.11万元`).
    #[error("增减的方向保留了模板中的两种说法，看不出是增是减")]
    BothDirections,
    /// A figure in brackets (`含…`) inside a listing: included in the figure before it.
    #[error("括号中“含”的数字包含在前一个数字之中，不是“其中”并列的一项")]
    InclusionInAListing,
    /// A change on a line of its own after a listing printed one item a line.
    #[error("“其中”所列各项之后另起一行的增减没有说是哪一项的（合计还是最后一项）")]
    ChangeOnALineOfItsOwn,
    /// A change after the only part a listing gives.
    #[error("“其中”只列了一项，其后的增减没有说是这一项的还是合计的")]
    ChangeAfterTheOnlyPart,
    /// A change inside a reason given.
    #[error("这是原因说明中的增减，看不出是哪一项的")]
    ChangeInAReason,
    /// `去年` in final accounts, published the year after.
    #[error("决算在次年公布，“去年”可能指本年度，也可能指上年，文中没有说")]
    AmbiguousLastYear,
    /// Last year's execution in a budget, whose changes are against last year's budget.
    #[error("这是上年的执行数（决算数），预算的增减以上年预算为基数")]
    LastYearsExecution,
    /// A completion rate in a budget that does not say which year's.
    #[error("预算公开没有本年的完成率：这是哪一年预算的执行情况，文中没有说")]
    UndatedCompletion,
    /// A share in a listing whose whole was not read.
    #[error("说了占比，但所在“其中”列举的合计未能读懂，看不出占哪一项的比重")]
    ShareOfAnUnreadListing,
    /// A share of a whole the text does not name.
    #[error("说了占比，但看不出占哪一项的比重")]
    ShareOfNothingNamed,
    /// The parts of an item that was not read.
    #[error("“其中”所列的是前面未能读懂的项目的分项，不归到别的项目上")]
    PartsOfAnUnreadItem,
    /// A part read as the same concept as its whole.
    #[error("“其中”所列的“{part}”与它所属的总数读成了同一项目，无法区分")]
    PartAsItsWhole {
        /// The concept both were read as.
        part: Concept,
    },
    /// A part of a whole that the model has no concept for.
    #[error("“其中”所列的“{part}”是“{whole}”的分项，模型中没有对应的概念")]
    PartWithoutConcept {
        /// The part as read.
        part: Concept,
        /// The whole.
        whole: Concept,
    },
    /// A balance of one scope of funds (财政拨款 or one fund), not of all funds.
    #[error("“{concept}”在这里是{}的，不是全部资金的", fund.map_or("财政拨款", FundType::name))]
    BalanceOfAScope {
        /// The balance.
        concept: Concept,
        /// The fund; `None` for 财政拨款 (the three funds together).
        fund: Option<FundType>,
    },
    /// A total of one fund, not of all funds.
    #[error("“{concept}”在这里是{fund}的总计，不是全部资金的")]
    TotalOfAFund {
        /// The total.
        concept: Concept,
        /// The fund.
        fund: FundType,
    },
    /// 人员经费 or 公用经费 without the fund it is of.
    #[error("“{class}”没有说是哪一类财政拨款的，可能是全部资金的")]
    UnscopedBasicClass {
        /// The class.
        class: BasicExpenditureClass,
    },
    /// A figure of some of the units only (`其中：机关本级`).
    #[error("“{word}”的数字只是部分单位的，不是本公开主体的")]
    OfSomeUnits {
        /// The words that say so.
        word: String,
    },
    /// The reason of a figure after one that was not read, which is not put on anything
    /// earlier.
    #[error("{reason}（前面的数字未能读懂，不把它归到更早的项目上）")]
    AfterAnUnreadFigure {
        /// The figure's own reason.
        reason: Box<UnparsedReason>,
    },
    /// A count in ten thousands (`1.2万人次`).
    #[error("以万、亿计的数量是约数，不按精确数核对")]
    CountInTenThousands,
    /// A number without a unit.
    #[error("数字“{number}”没有单位，无法判断是金额还是其他数")]
    NoUnit {
        /// The number as printed.
        number: String,
    },
    /// A year.
    #[error("年份不是数字陈述")]
    AYear,
    /// A number that does not read.
    #[error("数字“{number}”无法读出")]
    UnreadableNumber {
        /// The number as printed.
        number: String,
    },
    /// A percentage with a minus sign.
    #[error("百分比带负号，无法判断它的方向")]
    NegativePercent,
    /// An approximate figure (`约`, `近`, …).
    #[error("“{word}”说明这是约数，不按精确数核对")]
    Approximate {
        /// The word that says so.
        word: String,
    },
    /// The start of a range (`5-10万元`).
    #[error("这是一个区间的起点，不是某一项的数")]
    RangeStart,
    /// An average or a standard per head or item.
    #[error("这是平均数或单位标准（人均、每辆、…/人），不是该项的总额")]
    PerHeadOrItem,
    /// The level before a change (`由100万元增加到120万元`).
    #[error("“由”后的数字是变动以前的数，文中没有说是哪一年的")]
    LevelBeforeAChange,
    /// The full marks of a score (分值, 权重).
    #[error("这是该项的满分（分值、权重），不是得分")]
    FullMarks,
    /// An ordinal (`第14次会议`).
    #[error("“第…”是序数，不是数量")]
    Ordinal,
    /// A change of a count.
    #[error("说的是数量的增减，不是数量本身")]
    ChangeOfACount,
    /// A count beyond what is held.
    #[error("计数“{number}”超出范围")]
    CountOutOfRange {
        /// The number as printed.
        number: String,
    },
    /// A change with a minus sign.
    #[error("增减额带负号，无法判断变动的方向")]
    NegativeChange,
    /// A change of nothing named.
    #[error("说了增减额，但看不出是哪一项的增减")]
    ChangeOfNothingNamed,
    /// Words of change before the name, against no time said (`2023年减少了…`).
    #[error("“{word}”说的是增减，但没有说与何时相比，不是这一项的金额")]
    ChangeAgainstNoTime {
        /// The word.
        word: String,
    },
    /// A level on an adjusted base (`同口径规模为…`).
    #[error("“{word}”说的是调整口径后的数，不是该项本身的金额")]
    LevelOnAnAdjustedBase {
        /// The word.
        word: String,
    },
    /// An adjustment of a budget (`调增`, `调整为`).
    #[error("“{word}”说的是预算的调整，不是本年的金额，也不是与上年相比的增减")]
    BudgetAdjustment {
        /// The word.
        word: String,
    },
    /// A difference between two figures (`高于预算数1.11亿元`).
    #[error("说的是两个数之差（高于、低于……多少），不是某一项的金额")]
    Difference,
    /// A figure with no words before it.
    #[error("数字前没有任何文字，看不出它是什么")]
    NoWords,
    /// A base of comparison of nothing named.
    #[error("说了比较的基数，但看不出是哪一项的")]
    BaseOfNothingNamed,
    /// A section's matter (purchases, assets, 三公) by source of funds, not the department's
    /// income.
    #[error("这是本节事项（政府采购、资产、“三公”经费等）按资金来源所列的金额，不是本部门的收入")]
    SectionMatterBySource,
    /// A total (合计, 总计) that does not say of what.
    #[error("“{words}”没有说是哪一项的合计")]
    TotalOfWhat {
        /// The words before the figure.
        words: String,
    },
    /// An amount of nothing the reader knows.
    #[error("未能识别金额所指的项目")]
    UnknownSubject,
    /// A change of words that name nothing known.
    #[error("说了增减，但“{words}”不是能识别的项目")]
    ChangeOfUnknownWords {
        /// The words.
        words: String,
    },
    /// A rate (增长率, 预算完成率, 占比) of nothing named.
    #[error("说了{what}，但看不出是哪一项的{what}")]
    RateOfNothingNamed {
        /// The rate, in Chinese (`增长率`, `预算完成率`, `占比`).
        what: String,
    },
    /// The completion of a work target or task, not of a budget (`完成目标任务154.4%`).
    #[error("“{words}”是工作目标或任务的完成程度，不是预算完成率")]
    CompletionOfATarget {
        /// The words naming the target.
        words: String,
    },
    /// A completion rate of words that name nothing known.
    #[error("说了预算完成率，但“{words}”不是能识别的项目")]
    CompletionOfUnknownWords {
        /// The words.
        words: String,
    },
    /// A share of words that name nothing known.
    #[error("说了占比，但“{words}”不是能识别的项目")]
    ShareOfUnknownWords {
        /// The words.
        words: String,
    },
    /// A share of a whole whose words name nothing known.
    #[error("说了占比，但所占的“{whole}”不是能识别的项目")]
    ShareOfAnUnknownWhole {
        /// The whole's words.
        whole: String,
    },
    /// A percentage that is no share, growth or completion rate.
    #[error("无法识别百分比的含义（不是占比、增减率或预算完成率）")]
    UnknownPercent,
    /// A count of something not known.
    #[error("未能识别“{unit}”所计的对象")]
    UnknownCounted {
        /// The unit of the count (`人`, `辆`, …).
        unit: String,
    },
    /// Words that may name either of two totals.
    #[error("“{words}”可能指{grand}，也可能指{current}，前文没有可以分辨的数字")]
    AmbiguousTotal {
        /// The words.
        words: String,
        /// The grand total (总计) they may name.
        grand: Concept,
        /// The year's total (本年合计) they may name.
        current: Concept,
    },
    /// A name marked with a level the catalog has no line of that name at.
    #[error("“{name}”标为{level}，目录中没有这一级的同名科目")]
    NoLineAtLevel {
        /// The name.
        name: String,
        /// The level marked.
        level: Level,
    },
    /// A name of several lines of the catalog.
    #[error(
        "科目名称“{name}”在目录中不止一个（{}），看不出是哪一个",
        codes.iter().map(ToString::to_string).collect::<Vec<_>>().join("、")
    )]
    AmbiguousName {
        /// The name.
        name: String,
        /// The first few codes of that name.
        codes: Vec<FunctionCode>,
    },
    /// A code printed with a name that is not the catalog's for it.
    #[error("科目编码 {code} 在目录中是“{catalog_name}”，文中写作“{printed}”，看不出指的是哪一个")]
    CodeAndNameDisagree {
        /// The code.
        code: FunctionCode,
        /// The catalog's name of the code.
        catalog_name: String,
        /// The name printed.
        printed: String,
    },
    /// A 科目 path in a paragraph that does not say which fund's expenditure it lists.
    #[error("科目路径“{path}”所在段落没有说明是哪一类资金（一般公共预算、政府性基金等）的支出")]
    PathWithoutFund {
        /// The path.
        path: String,
    },
    /// A 科目 path the catalog does not resolve.
    #[error("科目路径无法按目录解析：{error}")]
    UnresolvedPath {
        /// Why, as the catalog says it ([`Error::InvalidPath`](crate::Error::InvalidPath)).
        #[source]
        error: crate::NestedError,
    },
    /// A change of a whole side said after a part of it.
    #[error("说的是收入或支出总体的增减，但前面说的是其中一部分，看不出是哪一级的合计")]
    WholeAfterAPart,
    /// A change of `收入` in general after a total whose listing holds a carry-over from last
    /// year: it may be of this year's income alone.
    #[error("说的是收入的增减，但前面的收入总计含上年结转，看不出是否包含结转")]
    IncomeBesideCarryOver,
    /// Words of one side (收入, 支出) after a concept of the other side, or of a thing
    /// described in words of neither (`上年结余0.28亿元，支出0.28亿元`).
    #[error(
        "“{words}”说的是{}，不是前文的“{earlier}”",
        if *words_say_income { "收入" } else { "支出" }
    )]
    OtherSide {
        /// The words.
        words: String,
        /// Whether the words speak of income (else of expenditure).
        words_say_income: bool,
        /// The concept read before, of the other side or of neither.
        earlier: Concept,
    },
    /// A figure that does not read as what its form says (a percentage, an amount): the
    /// parser's message.
    #[error("{error}")]
    BadFigure {
        /// The parser's error, whose message quotes the figure
        /// ([`Error::InvalidAmount`](crate::Error::InvalidAmount),
        /// [`Error::InvalidPercent`](crate::Error::InvalidPercent)).
        #[source]
        error: crate::NestedError,
    },
    /// A figure after `其中`, `包括`, … that says it is a part, of no part named.
    #[error("“{opener}”后的数字没有说是哪一部分：它是前项的一部分，不是前项本身")]
    PartOfNothingNamed {
        /// The opener (`其中`, `包括`, …).
        opener: String,
    },
    /// A difference from the budget in words that are no known direction (`比预算节约5万元`).
    #[error("与预算相比的“{words}”说的是与预算之差，不是某一项的金额")]
    DifferenceFromTheBudget {
        /// The words after the comparison.
        words: String,
    },
    /// One fund's grand total (收入总计, with its opening balance), which no concept stands for.
    #[error("“{words}”是{fund}的总计（含年初结转和结余），不是其本年收入")]
    GrandTotalOfAFund {
        /// The words.
        words: String,
        /// The fund.
        fund: FundType,
    },
    /// One fund's money carried in from the year before (`上年结转一般公共预算拨款收入`), which
    /// no concept stands for: not the fund's income of the year.
    #[error("“{words}”是上年结转的{fund}资金，不是其本年收入或支出")]
    CarriedInOfAFund {
        /// The words.
        words: String,
        /// The fund.
        fund: FundType,
    },
    /// A count of each member of a set (`各委员会分别下设1个综合科`, `每所学校配备2辆`), not of
    /// them all.
    #[error("“{words}”说的是其中每一个各自的数，不是合计数")]
    CountPerMember {
        /// The words that say it.
        words: String,
    },
    /// A count of the things in some state (`3个项目已开工`, `81个单位未公开`), some of them.
    #[error("“{words}”只计处于某种状态的一部分，不是全部的数量")]
    CountInAState {
        /// The things counted and their state.
        words: String,
    },
    /// Money carried into next year (`结转下年支出`), no expenditure.
    #[error("“{words}”是结转下年的资金，不是支出")]
    CarriedIntoNextYear {
        /// The words.
        words: String,
    },
    /// Several 三公 categories named together without their total.
    #[error("同时说到几项“三公”经费，看不出是哪一项")]
    SeveralThreePublicCategories,
    /// A thing a fund pays for (`一般公共预算拨款安排的会议费`), not the fund's expenditure.
    #[error("“{thing}”是{fund}安排的某一项支出，不是{fund}财政拨款支出本身")]
    ThingAFundPaysFor {
        /// The thing.
        thing: String,
        /// The fund.
        fund: FundType,
    },
    /// A figure of a line joined to more (`财政拨款收入和其他收入`).
    #[error("“{words}”是{line}与别的项目合在一起的数，不是{line}本身")]
    JoinedToMore {
        /// The words.
        words: String,
        /// The line named, in Chinese (an income source or an expenditure kind).
        line: String,
    },
    /// Projects of a summary line (`年初结转结余项目`), not the line.
    #[error("“{words}”说的是一类项目的金额，不是本单位的{line}")]
    ProjectsOfALine {
        /// The words.
        words: String,
        /// The line.
        line: Concept,
    },
    /// One class of a kind of expenditure (`运转类项目支出`), not all of it.
    #[error("“{words}”是{expenditure}中的一类，不是{expenditure}本身")]
    ClassOfAKind {
        /// The words.
        words: String,
        /// The kind of expenditure.
        expenditure: ExpenditureKind,
    },
    /// A count of receptions that may be of both kinds.
    #[error("接待的{unit}没有说明是国内还是外事接待，而同一句也说到外事接待：可能是两者合计")]
    ReceptionOfEitherKind {
        /// The unit of the count (`批次`, `人次`).
        unit: String,
    },
    /// Vehicles by type without saying bought or held.
    #[error("车型数量前没有说是购置还是保有的车辆")]
    VehiclesBoughtOrHeld,
    /// A count of vehicles of nothing known.
    #[error("未能识别车辆数所指")]
    UnknownVehicleCount,
    /// Words before a figure that say nothing of what it is.
    #[error("数字前的“{words}”说不出它是什么")]
    Undescribed {
        /// The words.
        words: String,
    },
}

impl UnparsedReason {
    /// Whether this is a change the reader declines because of what it is compared with (its
    /// subject is still known): [`AgainstOwnBudget`](Self::AgainstOwnBudget),
    /// [`AgainstAnotherYear`](Self::AgainstAnotherYear),
    /// [`AgainstLastYearsBudget`](Self::AgainstLastYearsBudget),
    /// [`OnAnAdjustedBase`](Self::OnAnAdjustedBase), [`AgainstAPlan`](Self::AgainstAPlan),
    /// [`AgainstAPlanPeriod`](Self::AgainstAPlanPeriod),
    /// [`AveragedOverYears`](Self::AveragedOverYears) and
    /// [`AgainstAnEstimate`](Self::AgainstAnEstimate).
    #[must_use]
    pub fn is_declined_comparison(&self) -> bool {
        self.declines_a_comparison()
    }

    /// Whether the figure declined is of the subject the sentence speaks of, only no figure
    /// the model holds (`收入完成8.8亿元，完成年初目标任务的105%，增长5%`: the growth after it is
    /// still the revenue's): the reader keeps the subject for the figures after it.
    #[must_use]
    pub fn keeps_the_subject(&self) -> bool {
        matches!(self, Self::CompletionOfATarget { .. })
    }

    fn declines_a_comparison(&self) -> bool {
        matches!(
            self,
            Self::AgainstOwnBudget
                | Self::AgainstAnotherYear { .. }
                | Self::AgainstLastYearsBudget
                | Self::OnAnAdjustedBase
                | Self::AgainstAPlan
                | Self::AgainstAPlanPeriod
                | Self::AveragedOverYears
                | Self::AgainstAnEstimate
        )
    }
}

#[cfg(feature = "serde")]
crate::error::serde_with_message!(UnparsedReason);
