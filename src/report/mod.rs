//! The disclosure model: a 部门决算 (or 部门预算) disclosure as published.
//!
//! A [`Disclosure`] holds the reporting entity, the tables that were printed ([`Table`], by
//! [`TableKind`]; real disclosures publish different subsets) and what the narrative states
//! ([`Statement`]). Every amount keeps the digits it was printed with; the currency unit and
//! the printed precision of amounts are recorded once for the document.

mod cells;
mod claim;
mod consolidate;
mod crosswalk;
mod render;
mod statement;
mod table;

pub use cells::{Cells, IntoIter as CellsIntoIter, Iter as CellsIter};
pub use claim::{Claim, FigureRef};
pub use consolidate::consolidate_disclosures;
pub use render::{Align, display_width, render_columns};
pub use statement::{
    Concept, Countable, Direction, Location, MeasureUnit, ProcurementLine, ReceptionKind,
    StatedValue, Statement, VehicleType, VehicleUse, WordingFlaw,
};
pub use table::{Column, Line, Row, RowKey, Table, TableKind};

use crate::closed_set::closed_set;
use crate::dimensions::UnitKind;
use crate::money::Unit;
use crate::performance::{DepartmentSelfEvaluation, ProjectSelfEvaluation};

closed_set! {
    /// What a disclosure is: a department's final accounts or budget, a government's, or the
    /// self-evaluation of a year's spending.
    pub enum DisclosureKind: "公开类型" {
        /// 部门决算: the final accounts of a year.
        FinalAccounts = "部门决算",
        /// 部门预算: the budget of a year.
        Budget = "部门预算",
        /// A government's own budget (区本级/县本级 财政预算, 预算执行情况和预算草案的报告): the
        /// whole jurisdiction's revenue and spending, not one department's.
        GovernmentBudget = "政府预算" ["本级预算", "财政预算"],
        /// A government's own final accounts (全区收支决算, 财政决算报告, 决算草案的报告): the
        /// whole jurisdiction's revenue and spending of a closed year.
        GovernmentFinalAccounts = "政府决算" ["本级决算", "财政决算"],
        /// A self-evaluation of a closed year's spending against its targets (项目支出绩效自评报告,
        /// 部门整体支出绩效自评, 转移支付绩效自评表): like final accounts, its amounts were spent
        /// unless it names them a budget; it prints none of the standard tables.
        PerformanceSelfEvaluation = "绩效自评" ["绩效自评报告", "绩效评价报告"],
    }
}

impl DisclosureKind {
    /// Whether a government reports (its budget or final accounts), not a department.
    ///
    /// ```
    /// use fiscal_cn::report::DisclosureKind;
    ///
    /// assert!(DisclosureKind::GovernmentFinalAccounts.is_government());
    /// assert!(!DisclosureKind::Budget.is_government());
    /// ```
    pub fn is_government(self) -> bool {
        matches!(
            self,
            DisclosureKind::GovernmentBudget | DisclosureKind::GovernmentFinalAccounts
        )
    }

    /// Whether the disclosure is a budget (a department's or a government's), whose figures
    /// are planned, not final.
    ///
    /// ```
    /// use fiscal_cn::report::DisclosureKind;
    ///
    /// assert!(DisclosureKind::GovernmentBudget.is_budget());
    /// assert!(!DisclosureKind::GovernmentFinalAccounts.is_budget());
    /// ```
    pub fn is_budget(self) -> bool {
        matches!(
            self,
            DisclosureKind::Budget | DisclosureKind::GovernmentBudget
        )
    }
}

/// A budget unit covered by a disclosure.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReportingUnit {
    /// The unit's name.
    pub name: String,
    /// Its kind, when stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub kind: Option<UnitKind>,
}

/// Who reports, for which year, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Entity {
    /// The department's name as printed.
    pub name: String,
    /// The fiscal year reported on.
    pub year: u16,
    /// Budget or final accounts.
    pub kind: DisclosureKind,
    /// The kind of the reporting department itself, when stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub unit_kind: Option<UnitKind>,
    /// The units the disclosure covers (归口管理单位), when listed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub units: Vec<ReportingUnit>,
}

impl Entity {
    /// `name`'s disclosure of `kind` for `year`, its own unit kind not stated and no units
    /// listed (set `unit_kind` and `units` when the disclosure gives them).
    ///
    /// ```
    /// use fiscal_cn::report::{DisclosureKind, Entity};
    ///
    /// let entity = Entity::new("示例局", 2024, DisclosureKind::FinalAccounts);
    /// assert_eq!(entity.name, "示例局");
    /// assert!(entity.unit_kind.is_none() && entity.units.is_empty());
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, year: u16, kind: DisclosureKind) -> Self {
        Entity {
            name: name.into(),
            year,
            kind,
            unit_kind: None,
            units: Vec::new(),
        }
    }
}

/// A whole disclosure: entity, tables, narrative statements and performance forms.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Disclosure {
    /// Who reports what.
    pub entity: Entity,
    /// The currency unit of tables and of amounts stated without one.
    pub currency: Unit,
    /// How many decimals amounts are printed to (2 for 万元 tables). Prose drops trailing
    /// zeros, so `22万元` in a 2-decimal document stands for 22.00.
    ///
    /// At most [`Disclosure::MAX_AMOUNT_DECIMALS`] (27): deserialization refuses more with an
    /// error that names the number. The checker, given more by code, checks no amount
    /// identity it cannot decide exactly (none is decided at a wrong precision).
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "deserialize_amount_decimals")
    )]
    pub amount_decimals: u32,
    /// The tables printed, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub tables: Vec<Table>,
    /// The figures the narrative states, in order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub statements: Vec<Statement>,
    /// Arithmetic claims between figures that the narrative makes explicitly (see [`Claim`]).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub claims: Vec<Claim>,
    /// Project self-evaluation forms (项目支出绩效自评表).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub project_evaluations: Vec<ProjectSelfEvaluation>,
    /// The department-wide self-evaluation (部门整体支出绩效自评表).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub department_evaluation: Option<DepartmentSelfEvaluation>,
    /// Remarks on the source: what a transcriber or reader could not place, and why.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub notes: Vec<String>,
}

/// `amount_decimals` as read, refused above [`Disclosure::MAX_AMOUNT_DECIMALS`].
#[cfg(feature = "serde")]
fn deserialize_amount_decimals<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<u32, D::Error> {
    let decimals = <u32 as serde::Deserialize>::deserialize(deserializer)?;
    if decimals > Disclosure::MAX_AMOUNT_DECIMALS {
        return Err(serde::de::Error::custom(format!(
            "金额小数位数 amount_decimals = {decimals} 超出上限 {}：末位的半个单位须能以 Decimal（最多 28 位小数）精确表示",
            Disclosure::MAX_AMOUNT_DECIMALS
        )));
    }
    Ok(decimals)
}

impl Disclosure {
    /// The most decimals amounts may be printed to, 27: half a unit in the last place (how
    /// far 四舍五入 moved a figure) is then still a `Decimal` (28 decimals at most), so every
    /// identity is checked exactly
    /// ([`Printed::MAX_CHECKED_DECIMALS`](crate::precision::Printed::MAX_CHECKED_DECIMALS)).
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// let json = r#"{"entity": {"name": "示例局", "year": 2024, "kind": "final_accounts"},
    ///                "currency": "万元", "amount_decimals": 4294967295}"#;
    /// let err = serde_json::from_str::<fiscal_cn::report::Disclosure>(json).unwrap_err();
    /// assert!(err.to_string().contains("4294967295"));
    /// # }
    /// ```
    pub const MAX_AMOUNT_DECIMALS: u32 = crate::precision::Printed::MAX_CHECKED_DECIMALS;

    /// An empty disclosure of `entity` in 万元 with 2 decimals.
    #[must_use]
    pub fn new(entity: Entity) -> Self {
        Disclosure {
            entity,
            currency: Unit::WanYuan,
            amount_decimals: 2,
            tables: Vec::new(),
            statements: Vec::new(),
            claims: Vec::new(),
            project_evaluations: Vec::new(),
            department_evaluation: None,
            notes: Vec::new(),
        }
    }

    /// The first table of `kind`, if printed. Kinds are exact: a budget's tables are the
    /// budget kinds (`TableKind::BudgetSummary`, …); [`TableKind::counterpart`] names the one
    /// that stands for a final-accounts kind.
    #[must_use]
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The statements about `concept`, in order.
    pub fn statements_about<'a>(
        &'a self,
        concept: &'a Concept,
    ) -> impl Iterator<Item = &'a Statement> + 'a {
        self.statements
            .iter()
            .filter(move |s| &s.concept == concept)
    }
}
