//! What the narrative (编制说明) states, as stated.
//!
//! Disclosures state figures in prose: amounts, shares (占94.05%), changes and growth rates
//! against last year (减少0.2万元，下降0.02%), budget completion (完成预算100%), counts
//! (26批次). Each printed figure becomes one [`Statement`]: what it is about ([`Concept`]), the
//! figure exactly as printed ([`StatedValue`]), and where it was stated ([`Location`]). The same
//! concept stated twice (main text and attachment) is two statements, never one overwritten
//! value, so a checker can compare them.

use crate::classification::{DepartmentEconomicCode, FunctionCode};
use crate::closed_set::closed_set;
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::money::{Amount, Percent};

closed_set! {
    /// A word of direction: how a figure moved against last year or against its budget.
    ///
    /// ```
    /// use fiscal_cn::report::Direction;
    ///
    /// assert_eq!("下降".parse::<Direction>()?, Direction::Decrease);
    /// assert_eq!("基本持平".parse::<Direction>()?, Direction::Flat);
    /// assert_eq!(Direction::of_change(fiscal_cn::Decimal::new(-2, 1)), Direction::Decrease);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum Direction: "变动方向" {
        /// 增加, 增长, 上升, 提高, 大于, 超过, 高于.
        Increase = "增加" ["增长", "上升", "提高", "增多", "大于", "超过", "高于", "超出"],
        /// 减少, 下降, 降低, 小于, 低于.
        Decrease = "减少" ["下降", "降低", "减少了", "小于", "低于", "未完成"],
        /// 持平, 基本持平, 无变化, 等于, 一致.
        Flat = "持平" ["基本持平", "无变化", "等于", "一致", "相等", "相同"],
    }
}

impl Direction {
    /// The direction of a signed change.
    #[must_use]
    pub fn of_change(change: rust_decimal::Decimal) -> Direction {
        match change.cmp(&rust_decimal::Decimal::ZERO) {
            std::cmp::Ordering::Greater => Direction::Increase,
            std::cmp::Ordering::Less => Direction::Decrease,
            std::cmp::Ordering::Equal => Direction::Flat,
        }
    }

    /// `value` with the sign this direction gives a printed magnitude (减少 0.2 → −0.2).
    #[must_use]
    pub fn signed(self, value: rust_decimal::Decimal) -> rust_decimal::Decimal {
        match self {
            Direction::Decrease => -value.abs(),
            Direction::Increase | Direction::Flat => value.abs(),
        }
    }
}

closed_set! {
    /// Units of measured quantities the narrative states besides money and counts (建筑面积,
    /// 用地面积, 道路长度).
    ///
    /// ```
    /// use fiscal_cn::report::MeasureUnit;
    ///
    /// assert_eq!("平米".parse::<MeasureUnit>()?, MeasureUnit::SquareMetre);
    /// assert_eq!(MeasureUnit::SquareMetre.to_string(), "平方米");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum MeasureUnit: "计量单位" {
        /// 平方米.
        SquareMetre = "平方米" ["平米", "㎡"],
        /// 公顷.
        Hectare = "公顷",
        /// 亩.
        Mu = "亩",
        /// 立方米.
        CubicMetre = "立方米",
        /// 公里.
        Kilometre = "公里" ["千米"],
        /// 吨.
        Tonne = "吨",
    }
}

closed_set! {
    /// Kinds of official vehicle (公务用车) by type.
    pub enum VehicleType: "车型" {
        /// 轿车.
        Sedan = "轿车",
        /// 越野车.
        OffRoad = "越野车",
        /// 载客汽车.
        Passenger = "载客汽车",
        /// Any other type.
        Other = "其他车型" ["其他"],
    }
}

closed_set! {
    /// Kinds of vehicle by use, as 国有资产占有使用情况 lists them.
    pub enum VehicleUse: "车辆用途" {
        /// 主要领导干部用车.
        SeniorOfficials = "主要领导干部用车",
        /// 机要通信用车.
        ConfidentialCommunication = "机要通信用车",
        /// 应急保障用车.
        Emergency = "应急保障用车",
        /// 执法执勤用车.
        LawEnforcement = "执法执勤用车",
        /// 特种专业技术用车.
        SpecialTechnical = "特种专业技术用车",
        /// 离退休干部服务用车.
        RetireeService = "离退休干部服务用车" ["离退休干部用车"],
        /// 其他用车.
        Other = "其他用车",
    }
}

closed_set! {
    /// The lines of 政府采购 disclosure.
    pub enum ProcurementLine: "政府采购项目" {
        /// 政府采购支出总额.
        Total = "政府采购支出总额" ["政府采购支出"],
        /// 政府采购货物支出.
        Goods = "政府采购货物支出" ["货物"],
        /// 政府采购工程支出.
        Works = "政府采购工程支出" ["工程"],
        /// 政府采购服务支出.
        Services = "政府采购服务支出" ["服务"],
        /// 授予中小企业合同金额.
        AwardedToSme = "授予中小企业合同金额" ["授予中小企业合同"],
        /// 授予小微企业合同金额.
        AwardedToSmallMicro = "授予小微企业合同金额" ["授予小微企业合同"],
    }
}

/// Whom a 公务接待 served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReceptionKind {
    /// 国内公务接待.
    Domestic,
    /// 外事接待.
    Foreign,
}

/// Things a narrative counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Countable {
    /// 因公出国（境）团组 (groups).
    OverseasGroups,
    /// 因公出国（境）人次 (persons).
    OverseasPersons,
    /// 公务用车 bought in the year, all types (`None`) or one type.
    VehiclesPurchased(Option<VehicleType>),
    /// 公务用车 held at year end (三公 section), all types (`None`) or one type.
    VehiclesHeld(Option<VehicleType>),
    /// Vehicles held at year end by use (国有资产 section), all uses (`None`) or one.
    VehiclesByUse(Option<VehicleUse>),
    /// 接待批次 (batches).
    ReceptionBatches(ReceptionKind),
    /// 接待人次, not counting accompanying staff.
    ReceptionPersons(ReceptionKind),
    /// 单价100万元以上设备 (large equipment), in 台（套）.
    LargeEquipment,
    /// Projects (绩效 sections: projects evaluated, monitored, …).
    Projects,
}

/// What a stated figure is about.
///
/// Serialized as a string for plain concepts (`"current_income_total"`) and as a one-key
/// object for the others (`{"income": "other"}`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Concept {
    /// 收入总计.
    IncomeGrandTotal,
    /// 支出总计.
    ExpenditureGrandTotal,
    /// 本年收入合计.
    CurrentIncomeTotal,
    /// 本年支出合计.
    CurrentExpenditureTotal,
    /// One income source.
    Income(IncomeSource),
    /// One expenditure kind (all funds).
    Expenditure(ExpenditureKind),
    /// 年初结转和结余.
    OpeningBalance,
    /// 年末结转和结余.
    ClosingBalance,
    /// 使用非财政拨款结余（含专用结余）.
    UseOfNonAppropriationBalance,
    /// 结余分配.
    BalanceDistribution,
    /// 本年财政拨款收入: the three fund types together (收入决算表's 财政拨款收入 column, the
    /// 本年收入合计 of 财政拨款收入支出决算总表).
    AppropriationIncome,
    /// 财政拨款收入总计.
    AppropriationIncomeGrandTotal,
    /// 财政拨款支出总计.
    AppropriationExpenditureGrandTotal,
    /// 本年财政拨款支出 (a text's bare `财政拨款支出` in final accounts): the three fund types
    /// together, the 本年支出合计 of 财政拨款收入支出决算总表; 财政拨款支出总计 less what is
    /// carried into next year.
    AppropriationExpenditure,
    /// 财政拨款支出 of one fund type (e.g. 一般公共预算财政拨款支出).
    FundExpenditure(FundType),
    /// 支出 under one 功能分类 code, of every source of funds (a department's expenditure by
    /// function, 支出决算表 and 收支预算总表's 类 lines), as a text lists it after 支出总计.
    FunctionExpenditure(FunctionCode),
    /// 财政拨款支出 of one fund type under one 功能分类 code.
    FundFunctionExpenditure {
        /// The fund type.
        fund: FundType,
        /// The 类, 款 or 项.
        code: FunctionCode,
    },
    /// 基本支出 of one fund type.
    FundBasicExpenditure(FundType),
    /// 项目支出 of one fund type.
    FundProjectExpenditure(FundType),
    /// 人员经费 or 公用经费 within the 基本支出 of one fund type.
    FundBasicClass {
        /// The fund type.
        fund: FundType,
        /// 人员经费 or 公用经费.
        class: BasicExpenditureClass,
    },
    /// A class of the 部门预算支出经济分类 within 基本支出 (工资福利支出 301, 商品和服务支出
    /// 302, 对个人和家庭的补助 303, …): of one fund type's 基本支出, or of the department's
    /// (`fund: None`).
    BasicEconomicClass {
        /// The fund type, or `None` for the department's 基本支出 from every source.
        fund: Option<FundType>,
        /// The class (a 类 code, `301`).
        code: DepartmentEconomicCode,
    },
    /// 财政拨款“三公”经费 in total.
    ThreePublicTotal,
    /// One 三公 category.
    ThreePublicCategory(ThreePublicCategory),
    /// One 三公 sub-item.
    ThreePublicItem(ThreePublicItem),
    /// Spending on vehicles bought, all types (`None`) or one type.
    VehiclePurchaseAmount(Option<VehicleType>),
    /// 机关运行经费.
    OperatingFunds,
    /// A 政府采购 line.
    Procurement(ProcurementLine),
    /// A count.
    Count(Countable),
    /// A named project (budget, actual, execution rate).
    Project(String),
    /// The report's year as printed in the text (a part title, 截至2024年12月31日): it must
    /// equal [`Entity::year`](super::Entity::year). Stated as a [`StatedValue::Count`].
    ReportYear,
    /// Something the model has no concept for yet, described in words: kept, never dropped.
    Other(String),
}

/// A figure exactly as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum StatedValue {
    /// An amount: `775.38万元`.
    Amount(Amount),
    /// A count: `26` (批次, 人次, 辆 — the unit follows from the concept).
    Count(u64),
    /// A change against the prior year: `减少0.2万元` is 0.2万元 with [`Direction::Decrease`].
    Change {
        /// The magnitude as printed.
        amount: Amount,
        /// The direction word.
        direction: Direction,
    },
    /// A growth rate against the prior year: `下降0.02%`.
    Growth {
        /// The magnitude as printed.
        rate: Percent,
        /// The direction word.
        direction: Direction,
    },
    /// A difference of the year's amount from the year's own budget, in final accounts:
    /// `较年初预算减少10.93万元` is 10.93万元 below the budget.
    ChangeAgainstBudget {
        /// The magnitude as printed.
        amount: Amount,
        /// The direction word.
        direction: Direction,
    },
    /// That difference as a rate of the budget: `较年初预算下降54.65%`.
    GrowthAgainstBudget {
        /// The magnitude as printed.
        rate: Percent,
        /// The direction word.
        direction: Direction,
    },
    /// A share of a whole: `占94.05%` of 本年收入合计.
    Share {
        /// The rate as printed.
        rate: Percent,
        /// The whole it is a share of.
        of: Concept,
    },
    /// Completion of the budget (完成预算100%, 预算执行率38.2%): actual / budget.
    Completion {
        /// The rate as printed.
        rate: Percent,
    },
    /// The budget (预算数, 年初预算, 全年预算) of the concept.
    Budget(Amount),
    /// A comparison with the budget in words: 决算数与预算数持平.
    BudgetComparison(Direction),
    /// A score in 分 (绩效自评平均得分99.43分), as printed.
    Score(
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        rust_decimal::Decimal,
    ),
    /// Words about the concept that cannot all be true, or were left from a template: no
    /// figure, a flaw of the text itself.
    Wording(WordingFlaw),
    /// A measured quantity as printed: `13459平方米`.
    Measure {
        /// The number as printed.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        value: rust_decimal::Decimal,
        /// Its unit.
        unit: MeasureUnit,
    },
}

/// A flaw of the words around the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum WordingFlaw {
    /// Two directions said of one change: `与2025年预算增加持平`.
    ContradictoryDirections(Direction, Direction),
    /// A template's alternatives left as printed, so the text never says which holds:
    /// `决算数小于预算数（或与预算数持平）`, `增加（减少）`.
    TemplateAlternatives,
    /// A 功能分类 path whose names are the catalog's but written at the wrong level:
    /// `卫生健康支出（类）卫生健康支出（款）计划生育事务（项）` (卫生健康支出 is the 类, 计划生育事务
    /// a 款).
    MisplacedItemNames,
    /// The department's name written in another form in its own report: `规划与自然资源局`
    /// for `规划和自然资源局`.
    NameVariant,
    /// A reason for a budget's figure that cites last year's plan (`主要原因是2025年无公车购置
    /// 计划` in the 2026 budget): words left from last year's text, whose plan the year's
    /// budget does not follow.
    LastYearsPlan,
    /// A 功能分类 line's change explained by other 类 moving the same way
    /// (`一般公共服务支出…增长20%，增长的主要原因是卫生健康支出、住房保障支出增加`): a line
    /// holds only its own 款 and 项, so the reason cannot be the line's.
    ReasonOutsideItem,
    /// A 功能分类 line printed with a name that is not the catalog's for it: with its code
    /// (`2200199其他国土资源事务支出`, where 2200199 is 其他自然资源事务支出), or as the remainder
    /// 项 of a path (`…自然资源事务（款）其他国土资源事务支出（项）`).
    CodeNameMismatch,
    /// A template's fill-in left as printed: `XX（单位名称）`, `20XX年`, `××局`.
    Placeholder,
}

impl std::fmt::Display for WordingFlaw {
    /// ```
    /// use fiscal_cn::report::{Direction, WordingFlaw};
    ///
    /// let flaw = WordingFlaw::ContradictoryDirections(Direction::Increase, Direction::Flat);
    /// assert_eq!(flaw.to_string(), "既说“增加”又说“持平”");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WordingFlaw::ContradictoryDirections(a, b) => write!(f, "既说“{a}”又说“{b}”"),
            WordingFlaw::TemplateAlternatives => f.write_str("保留了模板中的备选说法"),
            WordingFlaw::MisplacedItemNames => f.write_str("科目名称与所标的类、款、项层级不符"),
            WordingFlaw::NameVariant => f.write_str("单位名称与标题中的写法不一致"),
            WordingFlaw::LastYearsPlan => f.write_str("以上一年度的计划说明本年度预算"),
            WordingFlaw::ReasonOutsideItem => f.write_str("以其他类科目的增减说明本科目的增减"),
            WordingFlaw::CodeNameMismatch => f.write_str("科目名称不是分类科目中该科目的名称"),
            WordingFlaw::Placeholder => f.write_str("保留了模板中待填写的占位内容"),
        }
    }
}

/// Where a statement was made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Location {
    /// The section heading, as printed (`四、财政拨款收入支出决算总体情况说明`).
    pub section: String,
    /// The words around the figure, as printed.
    ///
    /// [`read_narrative`](crate::narrative::read_narrative) quotes a figure's clause (the text between
    /// two `，`, `；` or `。`) whole when it is at most 240 characters long, and otherwise the
    /// figure with at most 60 characters of its clause on each side: each statement keeps its
    /// own quote of bounded length, so the quotes of a text take memory in proportion to the
    /// text, not to the text times the figures of a clause. A figure that cannot be read is
    /// quoted the same way in [`UnparsedSentence::text`](crate::narrative::UnparsedSentence::text).
    pub quote: String,
    /// The page of the source document, when known.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub page: Option<u32>,
}

/// One figure the narrative states.
///
/// ```
/// use fiscal_cn::{dimensions::IncomeSource, report::{Concept, Location, StatedValue, Statement}};
///
/// let s = Statement::new(
///     Concept::Income(IncomeSource::Other),
///     StatedValue::Amount("46.06万元".parse()?),
///     Location::new("二、收入决算情况说明", "其他收入46.06万元"),
/// );
/// assert_eq!(s.year, None);
/// assert_eq!(s.with_year(2023).year, Some(2023));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Statement {
    /// A stable identifier (e.g. a transcription's figure id), when there is one.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub id: Option<String>,
    /// What the figure is about.
    pub concept: Concept,
    /// The figure as printed.
    pub value: StatedValue,
    /// The year the figure refers to, when it is not the report's year (a prior-year figure).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub year: Option<u16>,
    /// Where it was stated.
    pub location: Location,
}

impl Statement {
    /// A statement about the report's own year.
    #[must_use]
    pub fn new(concept: Concept, value: StatedValue, location: Location) -> Self {
        Statement {
            id: None,
            concept,
            value,
            year: None,
            location,
        }
    }

    /// The statement with its id (what findings and claims refer to it by).
    #[must_use]
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The statement dated to another year than the report's (`2022年…3.46万元` in a 2023
    /// report).
    #[must_use]
    pub fn with_year(mut self, year: u16) -> Self {
        self.year = Some(year);
        self
    }
}

impl Location {
    /// Where a statement was made: its section heading and its words, as printed; no page.
    ///
    /// ```
    /// use fiscal_cn::report::Location;
    ///
    /// let at = Location::new("五、一般公共预算财政拨款支出决算情况说明", "基本支出81.05万元").with_page(3);
    /// assert_eq!((at.quote.as_str(), at.page), ("基本支出81.05万元", Some(3)));
    /// ```
    #[must_use]
    pub fn new(section: impl Into<String>, quote: impl Into<String>) -> Self {
        Location {
            section: section.into(),
            quote: quote.into(),
            page: None,
        }
    }

    /// The location on page `page` of the source document.
    #[must_use]
    pub fn with_page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }
}

impl std::fmt::Display for Countable {
    /// What is counted, in Chinese: `国内公务接待批次`, `年末公务用车数·越野车`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reception = |kind: &ReceptionKind| match kind {
            ReceptionKind::Domestic => "国内公务接待",
            ReceptionKind::Foreign => "外事接待",
        };
        match self {
            Countable::OverseasGroups => f.write_str("因公出国（境）团组数"),
            Countable::OverseasPersons => f.write_str("因公出国（境）人数"),
            Countable::VehiclesPurchased(None) => f.write_str("购置公务用车数"),
            Countable::VehiclesPurchased(Some(t)) => write!(f, "购置公务用车数·{t}"),
            Countable::VehiclesHeld(None) => f.write_str("年末公务用车数"),
            Countable::VehiclesHeld(Some(t)) => write!(f, "年末公务用车数·{t}"),
            Countable::VehiclesByUse(None) => f.write_str("年末车辆数（国有资产）"),
            Countable::VehiclesByUse(Some(u)) => write!(f, "年末车辆数（国有资产）·{u}"),
            Countable::ReceptionBatches(kind) => write!(f, "{}批次", reception(kind)),
            Countable::ReceptionPersons(kind) => write!(f, "{}人次", reception(kind)),
            Countable::LargeEquipment => f.write_str("单价100万元以上设备数"),
            Countable::Projects => f.write_str("项目数"),
        }
    }
}

impl std::fmt::Display for Concept {
    /// The concept as a finance officer names it: `本年收入合计`, `收入·其他收入`,
    /// `一般公共预算财政拨款支出·2013201`, `“三公”经费合计`. [`Concept::Other`] shows its
    /// description as written.
    ///
    /// ```
    /// use fiscal_cn::{dimensions::{FundType, IncomeSource}, report::Concept};
    ///
    /// assert_eq!(Concept::Income(IncomeSource::Other).to_string(), "收入·其他收入");
    /// let code = "2013201".parse()?;
    /// let line = Concept::FundFunctionExpenditure { fund: FundType::GeneralPublicBudget, code };
    /// assert_eq!(line.to_string(), "一般公共预算财政拨款支出·2013201");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Concept::IncomeGrandTotal => f.write_str("收入总计"),
            Concept::ExpenditureGrandTotal => f.write_str("支出总计"),
            Concept::CurrentIncomeTotal => f.write_str("本年收入合计"),
            Concept::CurrentExpenditureTotal => f.write_str("本年支出合计"),
            Concept::AppropriationIncome => f.write_str("本年财政拨款收入"),
            Concept::ReportYear => f.write_str("报告年度"),
            Concept::Income(source) => write!(f, "收入·{source}"),
            Concept::Expenditure(kind) => write!(f, "支出·{kind}"),
            Concept::OpeningBalance => f.write_str("年初结转和结余"),
            Concept::ClosingBalance => f.write_str("年末结转和结余"),
            Concept::UseOfNonAppropriationBalance => {
                f.write_str("使用非财政拨款结余（含专用结余）")
            }
            Concept::BalanceDistribution => f.write_str("结余分配"),
            Concept::AppropriationIncomeGrandTotal => f.write_str("财政拨款收入总计"),
            Concept::AppropriationExpenditureGrandTotal => f.write_str("财政拨款支出总计"),
            Concept::AppropriationExpenditure => f.write_str("本年财政拨款支出"),
            Concept::FundExpenditure(fund) => write!(f, "{fund}财政拨款支出"),
            Concept::FunctionExpenditure(code) => write!(f, "支出·{code}"),
            Concept::FundFunctionExpenditure { fund, code } => {
                write!(f, "{fund}财政拨款支出·{code}")
            }
            Concept::FundBasicExpenditure(fund) => write!(f, "{fund}财政拨款基本支出"),
            Concept::FundProjectExpenditure(fund) => write!(f, "{fund}财政拨款项目支出"),
            Concept::FundBasicClass { fund, class } => write!(f, "{fund}财政拨款基本支出·{class}"),
            Concept::BasicEconomicClass { fund, code } => {
                if let Some(fund) = fund {
                    write!(f, "{fund}财政拨款")?;
                }
                match crate::classification::Catalog::embedded().name(*code) {
                    Some(name) => write!(f, "基本支出·{name}（{code}）"),
                    None => write!(f, "基本支出·{code}"),
                }
            }
            Concept::ThreePublicTotal => f.write_str("“三公”经费合计"),
            Concept::ThreePublicCategory(category) => write!(f, "“三公”经费·{category}"),
            Concept::ThreePublicItem(item) => write!(f, "“三公”经费·{item}"),
            Concept::VehiclePurchaseAmount(None) => f.write_str("公务用车购置金额"),
            Concept::VehiclePurchaseAmount(Some(t)) => write!(f, "公务用车购置金额·{t}"),
            Concept::OperatingFunds => f.write_str("机关运行经费"),
            Concept::Procurement(line) => write!(f, "{line}"),
            Concept::Count(countable) => write!(f, "{countable}"),
            Concept::Project(name) => write!(f, "项目·{name}"),
            Concept::Other(description) => f.write_str(description),
        }
    }
}

impl std::fmt::Display for StatedValue {
    /// The figure with its words, as a reader would say it: `775.38万元`, `减少0.2万元`,
    /// `下降36.5%`, `占94.05%（本年收入合计）`, `完成预算100%`, `预算50万元`, `与预算持平`.
    ///
    /// ```
    /// use fiscal_cn::report::{Concept, Direction, StatedValue};
    ///
    /// let change = StatedValue::Change { amount: "0.2万元".parse()?, direction: Direction::Decrease };
    /// assert_eq!(change.to_string(), "减少0.2万元");
    /// let share = StatedValue::Share { rate: "94.05%".parse()?, of: Concept::CurrentIncomeTotal };
    /// assert_eq!(share.to_string(), "占94.05%（本年收入合计）");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatedValue::Amount(amount) => write!(f, "{amount}"),
            StatedValue::Count(count) => write!(f, "{count}"),
            StatedValue::Change { amount, direction } => match direction {
                Direction::Increase => write!(f, "增加{amount}"),
                Direction::Decrease => write!(f, "减少{amount}"),
                Direction::Flat if amount.value().is_zero() => f.write_str("持平"),
                Direction::Flat => write!(f, "持平（{amount}）"),
            },
            StatedValue::Growth { rate, direction } => match direction {
                Direction::Increase => write!(f, "增长{rate}"),
                Direction::Decrease => write!(f, "下降{rate}"),
                Direction::Flat if rate.points().is_zero() => f.write_str("持平"),
                Direction::Flat => write!(f, "持平（{rate}）"),
            },
            StatedValue::ChangeAgainstBudget { amount, direction } => match direction {
                Direction::Increase => write!(f, "较预算增加{amount}"),
                Direction::Decrease => write!(f, "较预算减少{amount}"),
                Direction::Flat if amount.value().is_zero() => f.write_str("与预算持平"),
                Direction::Flat => write!(f, "与预算持平（{amount}）"),
            },
            StatedValue::GrowthAgainstBudget { rate, direction } => match direction {
                Direction::Increase => write!(f, "较预算增长{rate}"),
                Direction::Decrease => write!(f, "较预算下降{rate}"),
                Direction::Flat if rate.points().is_zero() => f.write_str("与预算持平"),
                Direction::Flat => write!(f, "与预算持平（{rate}）"),
            },
            StatedValue::Share { rate, of } => write!(f, "占{rate}（{of}）"),
            StatedValue::Completion { rate } => write!(f, "完成预算{rate}"),
            StatedValue::Budget(amount) => write!(f, "预算{amount}"),
            StatedValue::Score(score) => write!(f, "{score}分"),
            StatedValue::BudgetComparison(direction) => match direction {
                Direction::Increase => f.write_str("大于预算"),
                Direction::Decrease => f.write_str("小于预算"),
                Direction::Flat => f.write_str("与预算持平"),
            },
            StatedValue::Wording(flaw) => write!(f, "（措辞）{flaw}"),
            StatedValue::Measure { value, unit } => write!(f, "{value}{unit}"),
        }
    }
}
