//! Headings and the sections they open: a section's kind (with its fund and scope), its year
//! and its total, and what the 机构设置 section says of the department's units.

use super::document::year_in;
use super::{Reader, Scope};
use crate::dimensions::FundType;
use crate::narrative::scan::{Numbering, is_project_heading, split_numbering};
use crate::report::{Concept, DisclosureKind, ReportingUnit};
use crate::vocabulary::sections::{SectionKind, section_of_heading_words};
use crate::vocabulary::words::{COMPARISON_WORDS, strip_quotes};

impl SectionKind {
    pub(super) fn allows_other(&self) -> bool {
        matches!(
            self,
            SectionKind::Free
                | SectionKind::Organization
                | SectionKind::Performance
                | SectionKind::Project(_)
        )
    }

    /// The scope a section's unqualified totals and kinds of expenditure have.
    pub(super) fn scope(&self) -> Option<Scope> {
        match self {
            SectionKind::AppropriationOverview => Some(Scope::Appropriation),
            SectionKind::GeneralBudget
            | SectionKind::GeneralBudgetStructure
            | SectionKind::GeneralBudgetDetail
            | SectionKind::Basic
            | SectionKind::GovernmentFund
            | SectionKind::StateCapital => Some(Scope::Fund(self.fund())),
            _ => None,
        }
    }

    pub(super) fn fund(&self) -> FundType {
        match self {
            SectionKind::GovernmentFund => FundType::GovernmentFund,
            SectionKind::StateCapital => FundType::StateCapitalOperation,
            _ => FundType::GeneralPublicBudget,
        }
    }
}

fn classify_heading(heading: &str) -> SectionKind {
    let h: String = strip_quotes(heading);
    let (_, h) = split_numbering(&h);
    if let Some(name) = is_project_heading(h) {
        return SectionKind::Project(name);
    }
    if let Some((name, _)) = h.split_once("项目支出")
        && h.contains("绩效自评报告")
        && !name.is_empty()
    {
        return SectionKind::Project(name.to_owned());
    }
    section_of_heading_words(h)
}

impl Reader<'_> {
    pub(super) fn heading(&mut self, a: usize, b: usize, normalized: &str) {
        let (numbering, _) = split_numbering(normalized);
        let printed = self.chars.original(a, b).trim().to_owned();
        let kind = if self.government {
            SectionKind::Free
        } else {
            classify_heading(normalized)
        };
        let project_kind = matches!(kind, SectionKind::Project(_));
        let top = matches!(
            numbering,
            Numbering::Part | Numbering::Chinese | Numbering::None
        );
        if top {
            self.chapter += 1;
        }
        self.function_heading = normalized.contains("功能分类");
        // A heading dates its section when it names one year and no comparison; a sub-heading
        // naming none stays in its chapter's year.
        let named_year = year_in(normalized)
            .filter(|(_, _, after)| year_in(after).is_none())
            .filter(|_| !COMPARISON_WORDS.iter().any(|w| normalized.contains(w)))
            .map(|(year, _, _)| year);
        if top || named_year.is_some() {
            self.section_year = named_year.filter(|y| *y != self.year);
        }
        // A sub-heading without a kind of its own stays in its chapter's kind.
        // Inside a project's report, its own numbered headings stay in the project.
        let in_project = matches!(self.kind, SectionKind::Project(_))
            && matches!(kind, SectionKind::Free | SectionKind::Performance)
            && numbering != Numbering::Part;
        if matches!(numbering, Numbering::None | Numbering::Part) {
            self.open_headings.clear();
        } else if let Some(sibling) = self.open_headings.iter().position(|(n, _)| *n == numbering) {
            self.open_headings.truncate(sibling);
        }
        if !in_project {
            self.kind = match self.open_headings.last() {
                Some((_, parent)) if kind == SectionKind::Free && !top => parent.clone(),
                _ => kind,
            };
        }
        self.open_headings.push((numbering, self.kind.clone()));
        if normalized.contains("附件") || normalized.contains("名词解释") {
            self.kind = SectionKind::Free;
        }
        let (_, bare) = split_numbering(normalized);
        let bare = bare.trim_end_matches('。');
        if numbering == Numbering::Part || bare.starts_with("附件") {
            self.report_title = None;
        }
        if bare.ends_with("报告") && project_kind {
            // A project's report: its sub-headings repeat the report template in every
            // project's report and say nothing about the figures; the title does.
            self.report_title = Some(printed.clone());
        } else if bare.ends_with("报告") {
            self.report_title = None;
        }
        self.section = match &self.report_title {
            Some(title) => title.clone(),
            None => printed,
        };
        self.section_subject.clear();
        self.previous_listing = None;
        self.heading_total = None;
        if self.report_kind == DisclosureKind::Budget {
            let bare = bare.trim_end_matches(['：', ':', ' ']);
            let bare = bare
                .strip_suffix("情况说明")
                .or_else(|| bare.strip_suffix("情况"))
                .unwrap_or(bare);
            self.heading_total = match bare {
                "收入预算" => Some(Concept::IncomeGrandTotal),
                "支出预算" => Some(Concept::ExpenditureGrandTotal),
                _ => None,
            };
        }
    }

    pub(super) fn organization(&mut self, a: usize, b: usize) {
        let line = self.chars.normalized(a, b);
        if self.unit_kind.is_none()
            && let Some((_, rest)) = line.split_once("属于")
        {
            let kind: String = rest
                .chars()
                .take_while(|c| *c != '，' && *c != '。')
                .collect();
            let kind = kind
                .split_once("单位")
                .map_or(kind.clone(), |(k, _)| format!("{k}单位"));
            self.unit_kind = kind.parse().ok();
        }
        if self.units.is_empty()
            && let Some((_, rest)) = line.split_once("主要包括：")
        {
            let list: String = rest.chars().take_while(|c| *c != '。').collect();
            self.units = list
                .split('、')
                .map(str::trim)
                .filter(|n| !n.is_empty() && n.chars().count() <= 40)
                .map(|n| ReportingUnit {
                    name: n.to_owned(),
                    kind: None,
                })
                .collect();
        }
    }
}
