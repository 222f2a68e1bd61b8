//! The closed sets that split a department's money: income sources, expenditure kinds, fund
//! types, 人员经费/公用经费, unit kinds, and the 三公 categories and sub-items (also found in
//! [`three_public`](crate::three_public), with the typed 三公 view built on them).
//!
//! Each is a small enum whose `Display` is the Chinese name that disclosures print, and whose
//! `FromStr` accepts that name (and the common short forms), with full-width and half-width
//! brackets alike. Serialized names are stable snake_case English.

use crate::classification::DepartmentEconomicCode;

use crate::closed_set::closed_set;

closed_set! {
    /// The 8 income sources of a 部门决算, in the order of 收入决算表.
    ///
    /// ```
    /// use fiscal_cn::dimensions::{FundType, IncomeSource};
    ///
    /// let s: IncomeSource = "一、一般公共预算财政拨款收入".parse()?;
    /// assert_eq!(s, IncomeSource::GeneralBudgetAppropriation);
    /// assert_eq!(s.fund_type(), Some(FundType::GeneralPublicBudget));
    /// assert_eq!(IncomeSource::ALL.len(), 10);
    /// assert_eq!(IncomeSource::FINAL_ACCOUNTS.len(), 8);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum IncomeSource: "收入来源" {
        /// 一般公共预算财政拨款收入.
        GeneralBudgetAppropriation = "一般公共预算财政拨款收入" ["一般公共预算财政拨款"],
        /// 政府性基金预算财政拨款收入.
        GovernmentFundAppropriation = "政府性基金预算财政拨款收入" ["政府性基金预算财政拨款"],
        /// 国有资本经营预算财政拨款收入.
        StateCapitalAppropriation = "国有资本经营预算财政拨款收入" ["国有资本经营预算财政拨款"],
        /// 上级补助收入.
        HigherLevelSubsidy = "上级补助收入",
        /// 事业收入: revenue of a public institution's own professional activities.
        InstitutionRevenue = "事业收入",
        /// 经营收入: revenue of non-independent business activities.
        BusinessRevenue = "经营收入",
        /// 附属单位上缴收入.
        SubordinateRemittance = "附属单位上缴收入",
        /// 其他收入.
        Other = "其他收入",
        /// 财政专户管理资金: fees and revenues collected through the finance bureau's special
        /// account (教育收费 and the like), which budgets list as a source of their own.
        FiscalSpecialAccount = "财政专户管理资金" ["财政专户管理资金收入"],
        /// 单位资金: the unit's own funds, which some places' budgets print as one source in
        /// place of 事业收入, 经营收入 and 其他收入 (not beside them).
        UnitFunds = "单位资金" ["单位资金收入"],
    }
}

impl IncomeSource {
    /// The sources a final accounts prints, in its order: every source but the two only
    /// budgets list ([`FiscalSpecialAccount`](IncomeSource::FiscalSpecialAccount),
    /// [`UnitFunds`](IncomeSource::UnitFunds)).
    pub const FINAL_ACCOUNTS: &'static [IncomeSource] = &[
        IncomeSource::GeneralBudgetAppropriation,
        IncomeSource::GovernmentFundAppropriation,
        IncomeSource::StateCapitalAppropriation,
        IncomeSource::HigherLevelSubsidy,
        IncomeSource::InstitutionRevenue,
        IncomeSource::BusinessRevenue,
        IncomeSource::SubordinateRemittance,
        IncomeSource::Other,
    ];

    /// The appropriation fund type of the three 财政拨款 sources; `None` for the others.
    #[must_use]
    pub fn fund_type(self) -> Option<FundType> {
        match self {
            IncomeSource::GeneralBudgetAppropriation => Some(FundType::GeneralPublicBudget),
            IncomeSource::GovernmentFundAppropriation => Some(FundType::GovernmentFund),
            IncomeSource::StateCapitalAppropriation => Some(FundType::StateCapitalOperation),
            _ => None,
        }
    }

    /// Whether this is 财政拨款 (an appropriation from the same-level finance department).
    #[must_use]
    pub fn is_appropriation(self) -> bool {
        self.fund_type().is_some()
    }
}

closed_set! {
    /// The 5 expenditure kinds of a 部门决算, in the order of 支出决算表.
    ///
    /// ```
    /// use fiscal_cn::dimensions::ExpenditureKind;
    ///
    /// assert_eq!("项目支出".parse::<ExpenditureKind>()?, ExpenditureKind::Project);
    /// assert_eq!(ExpenditureKind::Basic.to_string(), "基本支出");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum ExpenditureKind: "支出类型" {
        /// 基本支出: keeping the unit running (人员经费 + 公用经费).
        Basic = "基本支出",
        /// 项目支出: specific tasks beyond basic expenditure.
        Project = "项目支出",
        /// 上缴上级支出.
        RemittanceToHigher = "上缴上级支出",
        /// 经营支出.
        Business = "经营支出",
        /// 对附属单位补助支出.
        SubsidyToSubordinate = "对附属单位补助支出",
    }
}

closed_set! {
    /// The three appropriation fund types (资金性质) of 财政拨款.
    ///
    /// ```
    /// use fiscal_cn::dimensions::FundType;
    ///
    /// assert_eq!("政府性基金预算财政拨款".parse::<FundType>()?, FundType::GovernmentFund);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum FundType: "资金性质" {
        /// 一般公共预算.
        GeneralPublicBudget = "一般公共预算" ["一般公共预算财政拨款"],
        /// 政府性基金预算.
        GovernmentFund = "政府性基金预算" ["政府性基金预算财政拨款", "政府性基金"],
        /// 国有资本经营预算.
        StateCapitalOperation = "国有资本经营预算" ["国有资本经营预算财政拨款"],
    }
}

impl FundType {
    /// The income source through which this fund type is appropriated.
    #[must_use]
    pub fn income_source(self) -> IncomeSource {
        match self {
            FundType::GeneralPublicBudget => IncomeSource::GeneralBudgetAppropriation,
            FundType::GovernmentFund => IncomeSource::GovernmentFundAppropriation,
            FundType::StateCapitalOperation => IncomeSource::StateCapitalAppropriation,
        }
    }
}

closed_set! {
    /// The two halves of 基本支出.
    ///
    /// ```
    /// use fiscal_cn::dimensions::BasicExpenditureClass;
    ///
    /// use fiscal_cn::classification::DepartmentEconomicCode;
    ///
    /// let class = |code: &str| code.parse().map(BasicExpenditureClass::from_economic_code);
    /// assert_eq!(class("30302")?, Some(BasicExpenditureClass::Personnel));
    /// assert_eq!(class("310")?, Some(BasicExpenditureClass::Public));
    /// assert_eq!(class("312")?, None);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum BasicExpenditureClass: "基本支出构成" {
        /// 人员经费: 301 工资福利支出 + 303 对个人和家庭的补助.
        Personnel = "人员经费",
        /// 公用经费: 302 商品和服务支出 + 310 资本性支出 (+ 307, 309, 399 where present).
        Public = "公用经费",
    }
}

impl BasicExpenditureClass {
    /// Which half of 基本支出 a 部门预算支出经济分类 code belongs to, by its 类
    /// (docs/DOMAIN.md §4): 301, 303 → 人员经费; 302, 307, 309, 310, 399 → 公用经费; any other
    /// class is not basic expenditure of a department and gives `None`.
    #[must_use]
    pub fn from_economic_code(code: DepartmentEconomicCode) -> Option<Self> {
        match code.lei().as_u32() {
            301 | 303 => Some(BasicExpenditureClass::Personnel),
            302 | 307 | 309 | 310 | 399 => Some(BasicExpenditureClass::Public),
            _ => None,
        }
    }
}

closed_set! {
    /// The kinds of budget unit a disclosure covers.
    ///
    /// ```
    /// use fiscal_cn::dimensions::UnitKind;
    ///
    /// assert!(UnitKind::CivilServantManagedInstitution.has_operating_funds());
    /// assert!(!UnitKind::PublicInstitution.has_operating_funds());
    /// assert_eq!("参照公务员法管理的事业单位".parse::<UnitKind>()?, UnitKind::CivilServantManagedInstitution);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum UnitKind: "单位性质" {
        /// 行政单位.
        Administrative = "行政单位" ["党政机关单位", "机关"],
        /// 参公事业单位: a public institution managed under the Civil Servant Law.
        CivilServantManagedInstitution = "参公事业单位" ["参照公务员法管理的事业单位", "参公单位"],
        /// 事业单位.
        PublicInstitution = "事业单位",
    }
}

impl UnitKind {
    /// Whether 机关运行经费 applies: only to 行政单位 and 参公事业单位 (docs/DOMAIN.md §4).
    #[must_use]
    pub fn has_operating_funds(self) -> bool {
        matches!(
            self,
            UnitKind::Administrative | UnitKind::CivilServantManagedInstitution
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use crate::closed_set::{is_list_numeral, strip_list_number};
    use proptest::prelude::*;

    #[test]
    fn every_display_name_parses_back() {
        for s in IncomeSource::ALL {
            assert_eq!(s.name().parse::<IncomeSource>().unwrap(), *s);
        }
        for k in ExpenditureKind::ALL {
            assert_eq!(k.to_string().parse::<ExpenditureKind>().unwrap(), *k);
        }
        for f in FundType::ALL {
            assert_eq!(f.to_string().parse::<FundType>().unwrap(), *f);
            assert_eq!(f.income_source().fund_type(), Some(*f));
        }
        for u in UnitKind::ALL {
            assert_eq!(u.to_string().parse::<UnitKind>().unwrap(), *u);
        }
    }

    #[test]
    fn numbering_and_brackets_are_tolerated() {
        assert_eq!(
            "八、其他收入".parse::<IncomeSource>().unwrap(),
            IncomeSource::Other
        );
        assert_eq!(
            " 2.项目支出 ".parse::<ExpenditureKind>().unwrap(),
            ExpenditureKind::Project
        );
    }

    #[test]
    fn unknown_names_say_which_set() {
        let err = "奖金收入".parse::<IncomeSource>().unwrap_err();
        assert_eq!(
            err,
            Error::UnknownName {
                kind: "收入来源",
                input: "奖金收入".into()
            }
        );
        assert_eq!(err.to_string(), "无法识别的收入来源：“奖金收入”");
    }

    #[test]
    fn economic_classes_split_basic_expenditure() {
        use BasicExpenditureClass::*;
        let expected = [
            (301, Some(Personnel)),
            (302, Some(Public)),
            (303, Some(Personnel)),
            (307, Some(Public)),
            (309, Some(Public)),
            (310, Some(Public)),
            (311, None),
            (312, None),
            (313, None),
            (399, Some(Public)),
        ];
        for (code, class) in expected {
            let code = DepartmentEconomicCode::from_u32(code).unwrap();
            assert_eq!(
                BasicExpenditureClass::from_economic_code(code),
                class,
                "{code}"
            );
        }
        let kuan = DepartmentEconomicCode::from_u32(30113).unwrap();
        assert_eq!(
            BasicExpenditureClass::from_economic_code(kuan),
            Some(Personnel)
        );
    }

    proptest! {
        #[test]
        fn list_numbers_strip_as_a_separator_search_does(
            input in prop_oneof![
                ".{0,12}",
                "[ \t\u{a0}\u{2000}\u{3000}]{0,2}[0-9一二三十a、.．]{0,4}[ \u{3000}、.．]{0,2}[一般支出 ]{0,4}[ \n\u{85}\u{3000}()]{0,2}",
            ]
        ) {
            // The definition: split at the first separator, strip when all before it are
            // numerals.
            let trimmed = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            let expected = match trimmed.split_once(['、', '.', '．']) {
                Some((number, rest))
                    if !number.is_empty() && number.chars().all(is_list_numeral) =>
                {
                    rest.trim_start()
                }
                _ => trimmed,
            };
            prop_assert_eq!(strip_list_number(&input), expected);
        }

        #[test]
        fn parsing_never_panics(input in ".{0,20}") {
            let _ = input.parse::<IncomeSource>();
            let _ = input.parse::<UnitKind>();
        }
    }
}

closed_set! {
    /// The three categories of 三公经费.
    ///
    /// ```
    /// use fiscal_cn::three_public::ThreePublicCategory;
    ///
    /// let c: ThreePublicCategory = "公务用车购置及运行费".parse()?;
    /// assert_eq!(c, ThreePublicCategory::OfficialVehicles);
    /// assert_eq!(c.to_string(), "公务用车购置及运行维护费");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum ThreePublicCategory: "“三公”经费类别" {
        /// 因公出国（境）费.
        OverseasTravel = "因公出国（境）费" ["因公出国（境）费用", "因公出国（境）经费"],
        /// 公务用车购置及运行维护费.
        OfficialVehicles = "公务用车购置及运行维护费" ["公务用车购置及运行费"],
        /// 公务接待费.
        OfficialReception = "公务接待费",
    }
}

closed_set! {
    /// The sub-items disclosures split 三公经费 into.
    ///
    /// ```
    /// use fiscal_cn::three_public::{ThreePublicCategory, ThreePublicItem};
    ///
    /// assert_eq!(ThreePublicItem::VehiclePurchase.category(), ThreePublicCategory::OfficialVehicles);
    /// let item = |code: &str| code.parse().map(ThreePublicItem::from_economic_code);
    /// assert_eq!(item("31013")?, Some(ThreePublicItem::VehiclePurchase));
    /// assert_eq!(item("30239")?, None);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum ThreePublicItem: "“三公”经费明细" {
        /// 因公出国（境）费 (it has no sub-items).
        OverseasTravel = "因公出国（境）费" ["因公出国（境）费用"],
        /// 公务用车购置费.
        VehiclePurchase = "公务用车购置费" ["公务用车购置"],
        /// 公务用车运行维护费.
        VehicleOperation = "公务用车运行维护费" ["公务用车运行费"],
        /// 国内公务接待费.
        DomesticReception = "国内公务接待费" ["国内公务接待"],
        /// 外事接待费 (公务接待 of foreign guests).
        ForeignReception = "外事接待费" ["外宾接待费", "外事接待"],
    }
}

impl ThreePublicItem {
    /// The category the item adds up into.
    #[must_use]
    pub fn category(self) -> ThreePublicCategory {
        match self {
            ThreePublicItem::OverseasTravel => ThreePublicCategory::OverseasTravel,
            ThreePublicItem::VehiclePurchase | ThreePublicItem::VehicleOperation => {
                ThreePublicCategory::OfficialVehicles
            }
            ThreePublicItem::DomesticReception | ThreePublicItem::ForeignReception => {
                ThreePublicCategory::OfficialReception
            }
        }
    }

    /// The item a 部门预算支出经济分类 款 (5-digit code) is normally booked as: 30212 因公出国
    /// （境）费用, 30231 公务用车运行维护费, 31013 公务用车购置. 30217 公务接待费 is domestic and
    /// foreign alike, so it maps to [`ThreePublicCategory`] only: see
    /// [`ThreePublicCategory::from_economic_code`].
    #[must_use]
    pub fn from_economic_code(code: DepartmentEconomicCode) -> Option<Self> {
        match code.as_u32() {
            30212 => Some(ThreePublicItem::OverseasTravel),
            30231 => Some(ThreePublicItem::VehicleOperation),
            31013 => Some(ThreePublicItem::VehiclePurchase),
            _ => None,
        }
    }
}

impl ThreePublicCategory {
    /// The category a 部门预算支出经济分类 款 (5-digit code) is normally booked under:
    /// 30212 → 因公出国（境）费; 30231, 31013 → 公务用车购置及运行维护费; 30217 → 公务接待费.
    ///
    /// ```
    /// use fiscal_cn::three_public::ThreePublicCategory;
    ///
    /// let code = "30217".parse()?;
    /// assert_eq!(ThreePublicCategory::from_economic_code(code), Some(ThreePublicCategory::OfficialReception));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn from_economic_code(code: DepartmentEconomicCode) -> Option<Self> {
        match code.as_u32() {
            30217 => Some(ThreePublicCategory::OfficialReception),
            _ => ThreePublicItem::from_economic_code(code).map(ThreePublicItem::category),
        }
    }

    /// The sub-items of the category.
    #[must_use]
    pub fn items(self) -> &'static [ThreePublicItem] {
        match self {
            ThreePublicCategory::OverseasTravel => &[ThreePublicItem::OverseasTravel],
            ThreePublicCategory::OfficialVehicles => &[
                ThreePublicItem::VehiclePurchase,
                ThreePublicItem::VehicleOperation,
            ],
            ThreePublicCategory::OfficialReception => &[
                ThreePublicItem::DomesticReception,
                ThreePublicItem::ForeignReception,
            ],
        }
    }
}
