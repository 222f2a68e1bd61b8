//! Naming: the concepts a figure's words name; 功能分类 lines named by name, code or path, and
//! the wordings of them that are not the catalog's; loose words for a total (`收入总额`).

use super::Reader;
use super::labels::after_year;
use super::paths::{
    coded_line, function_path_in, jumbled, marked_level, names_agree, without_trailing_words,
};
use crate::classification::{Evidence, FunctionCode, Level};
use crate::dimensions::FundType;
use crate::money::Amount;
use crate::narrative::UnparsedReason;
use crate::narrative::scan::split_numbering;
use crate::report::{Concept, DisclosureKind, StatedValue};
use crate::vocabulary::names::{NamingContext, concepts_named, fund_named_in};
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::words::{DEPARTMENT_WORDS, LISTING_WORDS, REGION_WORDS, is_generic};

impl Reader<'_> {
    /// In final accounts, a loose word for a total (`收入总额775.37万元`) is the one of its two
    /// meanings (总计, 本年合计) whose figure the text has already stated as `amount`, or else
    /// the one stated nearest to it: a figure that equals neither is wrong either way, and the
    /// nearer one is what it was meant to be. `None` when the words are no loose total, or
    /// neither meaning has been stated yet (the figure is then declined).
    pub(super) fn resolve_loose_total(&self, words: &str, amount: Amount) -> Option<Concept> {
        if self.report_kind == DisclosureKind::Budget {
            return None;
        }
        let candidates = loose_total(words)?;
        let stated = |concept: &Concept| {
            self.statements.iter().find_map(|s| match &s.value {
                StatedValue::Amount(a) if s.year.is_none() && &s.concept == concept => Some(*a),
                _ => None,
            })
        };
        // In 元; a figure too large to convert is near nothing.
        let in_yuan = |a: Amount| a.value().checked_mul(a.unit().yuan_per_unit());
        let target = in_yuan(amount)?;
        candidates
            .into_iter()
            .filter_map(|c| {
                let a = stated(&c)?;
                let distance = in_yuan(a)?.checked_sub(target)?.abs();
                Some((distance, c))
            })
            .min_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, c)| c)
    }

    /// What a label names before its colon when the words after it name nothing
    /// (`（二）支出预算：2023年年初预算数1643.29万元`): the colon's head is the subject.
    pub(super) fn headed(
        &self,
        label: &str,
    ) -> std::result::Result<Option<Vec<Concept>>, UnparsedReason> {
        match label.rsplit_once('：') {
            Some((head, _)) if !head.trim().is_empty() && !head.contains("（类）") => {
                let (_, head) = split_numbering(head.trim());
                self.concepts(head)
            }
            _ => Ok(None),
        }
    }

    /// In a project's report, the project's 收、支总计 is the project's amount.
    pub(super) fn in_project(&self, concepts: Vec<Concept>) -> Vec<Concept> {
        let SectionKind::Project(name) = &self.kind else {
            return concepts;
        };
        if concepts.iter().all(|c| {
            matches!(
                c,
                Concept::IncomeGrandTotal | Concept::ExpenditureGrandTotal
            )
        }) {
            vec![Concept::Project(name.clone())]
        } else {
            concepts
        }
    }

    /// The concepts `text` names, most specific first; `Ok(None)` when it names none, `Err`
    /// when it names a 功能分类 path that does not resolve.
    pub(super) fn concepts(
        &self,
        text: &str,
    ) -> std::result::Result<Option<Vec<Concept>>, UnparsedReason> {
        // A region's revenue and spending (`全县一般公共预算收入`), in a government's report or
        // any other, are none of a department's concepts: they are described in their words.
        if self.government || REGION_WORDS.iter().any(|w| text.contains(w)) {
            return Ok(None);
        }
        // `涉及一般公共预算当年财政拨款263928.15万元`: the money some things involve, a part of
        // a total rather than the total.
        if text.contains("涉及") {
            return Ok(None);
        }
        // `本项目共申请预算资金`: one project's money, outside a project's own report; none of
        // the department's concepts, whatever words come before (a heading run on into it).
        if !matches!(self.kind, SectionKind::Project(_))
            && ["本项目", "该项目"].iter().any(|w| text.contains(w))
        {
            return Ok(None);
        }
        // `财政部2020年财政拨款收支总预算`: the department naming itself, then its year, names
        // nothing more either.
        let text = Some(self.entity_name.as_str())
            .filter(|name| !name.is_empty())
            .and_then(|name| text.trim_start().strip_prefix(name))
            .map(|rest| after_year(rest.trim_start()))
            .filter(|rest| !rest.trim().is_empty())
            .unwrap_or(text);
        // `本部门收入预算`, `本单位支出预算`: the department speaking of itself names nothing more.
        let text = {
            let after_year = after_year(text.trim_start());
            DEPARTMENT_WORDS
                .iter()
                .find_map(|w| after_year.strip_prefix(w))
                .filter(|rest| !rest.trim().is_empty())
                .unwrap_or(text)
        };
        // `2024年度收入合计`, `本年度支出合计`: a year's own 收入/支出 合计 is its 本年 total (the
        // summary table prints 本年收入合计 beside 年初结转和结余 and 收入总计); a year's
        // other words (`收入总计`, `财政拨款收入合计`) are read below.
        {
            let dated = after_year(text.trim());
            let words = ["本年度", "本年", "全年"]
                .iter()
                .find_map(|w| dated.strip_prefix(w))
                .unwrap_or(dated)
                .trim_end_matches(['为', '是', '：', ':', ' '])
                .trim_end_matches("共计");
            match words {
                "收入合计" => return Ok(Some(vec![Concept::CurrentIncomeTotal])),
                "支出合计" => return Ok(Some(vec![Concept::CurrentExpenditureTotal])),
                _ => {}
            }
        }
        // `其他人员经费`, `其他公务接待费`: a remainder is not the thing it remains of (but
        // `其他收入` and a catalog line named `其他…` are things of their own).
        let bare = text.trim_start_matches(['—', '－', '-', '而', '、', ' ']);
        if (bare.starts_with("其他") || bare.starts_with("其它"))
            && !bare.starts_with("其他收入")
            && !bare.starts_with("其它收入")
        {
            return match (self.lei_fund(), self.function_item(bare)?) {
                (Some(fund), Some(code)) => {
                    Ok(Some(vec![Concept::FundFunctionExpenditure { fund, code }]))
                }
                _ => Ok(None),
            };
        }
        let t = text;
        if t.contains("（类）") {
            return self.function_path(t).map(|c| c.map(|c| vec![c]));
        }
        let has = |w: &str| t.contains(w);
        let one = |c: Concept| Ok(Some(vec![c]));
        let fund_named = fund_named_in(t);
        // A 类 name (with or without 支出, with or without （类）) lists a line of the fund whose
        // expenditure the sentence is about, or of the section's fund; a 类 listed where no
        // fund is in question, one of the department's expenditure by function.
        if fund_named.is_none()
            && let Some(code) = self.function_item(t)?
        {
            return one(match self.lei_fund() {
                Some(fund) => Concept::FundFunctionExpenditure { fund, code },
                None if code.level() == Level::Lei && self.all_funds_listing() => {
                    Concept::FunctionExpenditure(code)
                }
                None => return Ok(None),
            });
        }
        let procurement_section = self.kind == SectionKind::Procurement;
        // Only procurement amounts look at the clause before: no copy of it for the others.
        let earlier_clause = if procurement_section || t.contains("采购") {
            self.chars
                .normalized(self.before_clause.0, self.before_clause.1)
        } else {
            String::new()
        };
        let naming = NamingContext {
            procurement_section,
            earlier_clause: &earlier_clause,
            entity_name: &self.entity_name,
            basic_section_fund: (self.kind == SectionKind::Basic).then(|| self.kind.fund()),
            expenditure_section_fund: self.expenditure_section_fund(),
            budget: self.report_kind == DisclosureKind::Budget,
        };
        if let Some(named) = concepts_named(t, &naming)? {
            return Ok(Some(named));
        }
        // `总收入`, `支出总额`: in a budget, which carries nothing into the next year, the
        // totals; in final accounts they may be the 总计 or the 本年合计, and the text does not say.
        // A budget's own totals: `收入预算`, `支出预算总额`, `（财政拨款）收支总预算`.
        if self.report_kind == DisclosureKind::Budget
            && ["收入预算", "支出预算", "收支预算", "总预算", "预算总额"]
                .iter()
                .any(|w| has(w))
        {
            let (_, unnumbered) = split_numbering(t);
            let appropriation = unnumbered.contains("财政拨款");
            // `本年收入预算`: the year's own income (本年收入合计), without what is carried in;
            // `本年度收入预算` only dates the total.
            let this_years = unnumbered.replace("本年度", "").contains("本年");
            // `收入预算2026年年初预算数`: a heading's words run on into the figure's, dated.
            let bare: String = unnumbered
                .replace("年初", "")
                .replace("预算", "")
                .replace("财政拨款", "")
                .chars()
                .filter(|c| !c.is_ascii_digit() && !"年度当本总额为是共计合数：，".contains(*c))
                .collect();
            let (income, expenditure) = match (appropriation, this_years) {
                (true, true) => (
                    Concept::AppropriationIncome,
                    Concept::AppropriationExpenditure,
                ),
                (true, false) => (
                    Concept::AppropriationIncomeGrandTotal,
                    Concept::AppropriationExpenditureGrandTotal,
                ),
                (false, true) => (
                    Concept::CurrentIncomeTotal,
                    Concept::CurrentExpenditureTotal,
                ),
                (false, false) => (Concept::IncomeGrandTotal, Concept::ExpenditureGrandTotal),
            };
            match bare.as_str() {
                "收入" => return one(income),
                "支出" => return one(expenditure),
                "收支" | "收入支出" | "收、支" => {
                    return Ok(Some(vec![income, expenditure]));
                }
                _ => {}
            }
        }
        // `政府采购支出总额`: the purchases' total, which the vocabulary declined to name, is
        // no total of the department's.
        if has("采购") {
            return Ok(None);
        }
        if let Some([grand, current]) = loose_total(t) {
            if self.report_kind == DisclosureKind::Budget {
                return one(grand);
            }
            // Said again in the section (`收入总额A…占总收入x%`): as the section first read it.
            let earlier = self.statements.iter().rev().find(|s| {
                s.location.section == self.section
                    && (s.concept == grand || s.concept == current)
                    && loose_total(&s.location.quote).is_some_and(|c| c[0] == grand)
            });
            if let Some(earlier) = earlier {
                return one(earlier.concept.clone());
            }
            return Err(UnparsedReason::AmbiguousTotal {
                words: t.to_owned(),
                grand,
                current,
            });
        }
        Ok(None)
    }

    /// Whether the sentence lists parts of the department's whole expenditure (`支出预算：…
    /// 1643.29万元，其中：一般公共服务支出…`): a 类 named there is of every source of funds.
    fn all_funds_listing(&self) -> bool {
        self.side_listing
            || self.function_heading
            || self.statements.last().is_some_and(|s| {
                self.places.last().is_some_and(|p| p.1 == self.sentence)
                    && matches!(
                        s.concept,
                        Concept::ExpenditureGrandTotal
                            | Concept::CurrentExpenditureTotal
                            | Concept::FunctionExpenditure(_)
                    )
            })
    }

    /// The fund whose expenditure, and not its income, the section is about (its heading
    /// names the fund's 支出 and no 收入).
    fn expenditure_section_fund(&self) -> Option<FundType> {
        let about_one_fund = matches!(
            self.kind,
            SectionKind::GeneralBudget
                | SectionKind::GeneralBudgetStructure
                | SectionKind::GeneralBudgetDetail
                | SectionKind::GovernmentFund
                | SectionKind::StateCapital
        );
        (about_one_fund && self.section.contains("支出") && !self.section.contains("收入"))
            .then(|| self.kind.fund())
    }

    /// Whether `words` name something of their own, besides the department, its year and
    /// generic words, that the vocabulary does not know: a figure they word is not the
    /// sentence's subject's. A project's section speaks of its project in any words.
    pub(super) fn names_something_unknown(&self, words: &str) -> bool {
        if matches!(self.kind, SectionKind::Project(_)) {
            return false;
        }
        let words = after_year(words.trim());
        let words = DEPARTMENT_WORDS
            .iter()
            .find_map(|w| words.strip_prefix(w))
            .unwrap_or(words);
        let words = if self.entity_name.is_empty() {
            words
        } else {
            words
                .strip_prefix(self.entity_name.as_str())
                .unwrap_or(words)
        };
        !words.trim().is_empty() && !is_generic(words)
    }

    /// The fund whose 类 a bare 类 name stands for: the fund the sentence is listing, or the
    /// fund of a section about one fund's expenditure; `None` elsewhere.
    pub(super) fn lei_fund(&self) -> Option<FundType> {
        self.listing.or(match self.kind {
            SectionKind::GeneralBudget
            | SectionKind::GeneralBudgetStructure
            | SectionKind::GeneralBudgetDetail
            | SectionKind::GovernmentFund
            | SectionKind::StateCapital => Some(self.kind.fund()),
            _ => None,
        })
    }

    /// A 功能分类 line named by `text` without its code: a 类, 款 or 项 name the catalog has
    /// once (`一般公共服务支出`, `主要用于农林水`, `机构运行`, `初中教育支出`, `教育支出类科目`,
    /// `行政运行（项）`). `Ok(None)` when `text` ends in no catalog name; `Err` when several
    /// lines have the name (`行政运行`), since picking one would be a guess.
    fn function_item(
        &self,
        text: &str,
    ) -> std::result::Result<Option<FunctionCode>, UnparsedReason> {
        if let Some((code, printed)) = coded_line(text) {
            return self.coded_item(code, &printed).map(Some);
        }
        let segment = text
            .rsplit(['：', '，', '、', ' ', '\n', '\r'])
            .next()
            .unwrap_or(text);
        let (_, mut name) = split_numbering(segment.trim());
        for word in LISTING_WORDS {
            name = name.strip_prefix(word).unwrap_or(name);
        }
        let marked = marked_level(name);
        let name = without_trailing_words(name);
        if name.chars().count() < 2 || name.chars().count() > 24 {
            return Ok(None);
        }
        // `市场监督管理事务（项）`: a name marked with a level is a line of that level only.
        let mut entries = self.catalog.entries_named(name);
        if let Some(level) = marked {
            entries.retain(|e| e.code().level() == level);
            if entries.is_empty() {
                return Err(UnparsedReason::NoLineAtLevel {
                    name: name.to_owned(),
                    level,
                });
            }
        }
        match entries.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one.code())),
            several => Err(UnparsedReason::AmbiguousName {
                name: name.to_owned(),
                codes: several.iter().take(4).map(|e| e.code()).collect(),
            }),
        }
    }

    /// The line a code printed with a name stands for: the code, when the catalog gives it
    /// that name (or a shortening of it) or does not know it (the catalog may be a part of
    /// the edition, and the code is what identifies a line). A name that is not the
    /// catalog's for the code leaves the figure unread, since which of the two the text
    /// meant is a guess (the wording is reported by [`Reader::coded_name_flaw`]).
    fn coded_item(
        &self,
        code: FunctionCode,
        printed: &str,
    ) -> std::result::Result<FunctionCode, UnparsedReason> {
        match self.catalog.get(code) {
            Some(entry) if !names_agree(entry.name(), printed) => {
                Err(UnparsedReason::CodeAndNameDisagree {
                    code,
                    catalog_name: entry.name().to_owned(),
                    printed: printed.to_owned(),
                })
            }
            _ => Ok(code),
        }
    }

    /// The code of a line printed with a name that is not the catalog's for that code, when
    /// the catalog's name can be trusted for the report's year: a name printed with the code
    /// in disclosures of a year at most one before the report's, an official notice's, or a
    /// loaded catalog's (`2200199其他国土资源事务支出` in a 2024 report, where 2200199 is
    /// 其他自然资源事务支出). Lines the catalog does not know, and names it knows by other
    /// evidence, say nothing: names change between editions.
    pub(super) fn coded_name_flaw(&self, label: &str) -> Option<FunctionCode> {
        let (code, printed) = coded_line(label)?;
        self.not_the_catalogs_name(code, &printed).then_some(code)
    }

    /// Whether `printed` names line `code` otherwise than the catalog, whose name can be
    /// trusted for the report's year ([`Reader::coded_name_flaw`] says when).
    fn not_the_catalogs_name(&self, code: FunctionCode, printed: &str) -> bool {
        let Some(entry) = self.catalog.get(code) else {
            return false;
        };
        let trusted = match entry.evidence() {
            Evidence::PublishedBudget { year }
            | Evidence::PublishedFinalAccounts { year }
            | Evidence::OfficialNotice { year } => self.year.saturating_add(1) >= year,
            Evidence::Unspecified => true,
            _ => false,
        };
        // `险机缴关费事支业出单位职业年金缴`: every character of the catalog's name, jumbled with
        // a neighbouring cell's by a PDF's text layer, is the catalog's name misprinted.
        // `2110199 其他环境保护管理事务支⏎出`: a name cut short by a wrapped table cell is the
        // catalog's name, not another.
        let cut_short = |name: &str| {
            let printed = printed.trim();
            printed.chars().count() >= 4 && name.starts_with(printed)
        };
        trusted
            && !names_agree(entry.name(), printed)
            && !jumbled(entry.name(), printed)
            && !cut_short(entry.name())
    }

    /// The 项 a path names as the remainder of its 款 under another name than the catalog's
    /// (`自然资源海洋气象等支出（类）自然资源事务（款）其他国土资源事务支出（项）`): a 款's
    /// remainder is always its 项 99 (`其他…支出`), so the path says which line it means even
    /// though its name is not that line's (here 2200199 其他自然资源事务支出).
    pub(super) fn renamed_remainder(&self, path: &str) -> Option<FunctionCode> {
        if self.catalog.resolve_str(path).is_ok() {
            return None;
        }
        let path: crate::classification::NamePath = path.parse().ok()?;
        let names: Vec<&str> = path.names().collect();
        let [lei, kuan, xiang] = names.as_slice() else {
            return None;
        };
        if !(xiang.starts_with("其他") || xiang.starts_with("其它")) {
            return None;
        }
        let parent = crate::classification::NamePath::from_names([*lei, *kuan]).ok()?;
        let kuan_code = self.catalog.resolve(&parent).ok()?;
        let code: FunctionCode = format!("{kuan_code}99").parse().ok()?;
        self.not_the_catalogs_name(code, xiang).then_some(code)
    }

    /// The 功能分类 line named by a path in `text`: `Ok(None)` when there is no path.
    pub(super) fn function_path(
        &self,
        text: &str,
    ) -> std::result::Result<Option<Concept>, UnparsedReason> {
        let Some(path) = function_path_in(text) else {
            return Ok(None);
        };
        match self.catalog.resolve_str(&path) {
            // In a section on the department's whole expenditure (`支出预算总表的说明`), a line
            // of every source of funds; in a fund's section, that fund's.
            Ok(code)
                if self.lei_fund().is_none()
                    && (matches!(self.kind, SectionKind::Expenditure | SectionKind::Overview)
                        || self.all_funds_listing()) =>
            {
                Ok(Some(Concept::FunctionExpenditure(code)))
            }
            Ok(code) => match self.lei_fund() {
                Some(fund) => Ok(Some(Concept::FundFunctionExpenditure { fund, code })),
                // `财政拨款支出主要内容如下：1.“…（项）”…`: a line of a listing no fund is
                // named for (the appropriations hold three funds) is no one fund's.
                None => Err(UnparsedReason::PathWithoutFund {
                    path: path.to_owned(),
                }),
            },
            Err(e) => Err(UnparsedReason::UnresolvedPath { error: e.into() }),
        }
    }

    /// The 类 of a 功能分类 path that does not resolve because names are written at the wrong
    /// level (`卫生健康支出（类）卫生健康支出（款）计划生育事务（项）`, where 卫生健康支出 is the
    /// 类 and 计划生育事务 a 款): every name is the catalog's, under the path's 类, but some at
    /// another level. A name the catalog does not know says nothing (the catalog may be
    /// incomplete).
    pub(super) fn misplaced_names(&self, path: &str) -> Option<FunctionCode> {
        if self.catalog.resolve_str(path).is_ok() {
            return None;
        }
        let path: crate::classification::NamePath = path.parse().ok()?;
        let mut names = path.names();
        let lei = self
            .catalog
            .entries_named(names.next()?)
            .into_iter()
            .find(|e| e.level() == Level::Lei)?
            .code();
        let mut misplaced = false;
        for (name, level) in names.zip(Level::ALL.iter().skip(1)) {
            let under: Vec<Level> = self
                .catalog
                .entries_named(name)
                .into_iter()
                .filter(|e| e.code() == lei || e.code().ancestors().any(|a| a == lei))
                .map(|e| e.level())
                .collect();
            if under.is_empty() {
                return None;
            }
            misplaced |= !under.contains(level);
        }
        misplaced.then_some(lei)
    }
}

/// The two totals a loose word for a total may mean (`总收入`, `收入总额`, `总支出`,
/// `支出总额`): the 总计 and the 本年合计. A budget carries nothing into the next year, so
/// there they are one; in final accounts the text alone does not say which.
/// Said of 财政拨款 (`财政拨款总收入`) they are its totals; said of a fund (`一般预算总收入`),
/// none the model has.
fn loose_total(text: &str) -> Option<[Concept; 2]> {
    if fund_named_in(text).is_some() {
        return None;
    }
    let appropriation = text.contains("财政拨款");
    // `收入预算总额` in a budget.
    let text = text.replace("预算", "");
    if text.contains("收入总额") || text.contains("总收入") {
        Some(if appropriation {
            [
                Concept::AppropriationIncomeGrandTotal,
                Concept::AppropriationIncome,
            ]
        } else {
            [Concept::IncomeGrandTotal, Concept::CurrentIncomeTotal]
        })
    } else if text.contains("支出总额") || text.contains("总支出") {
        Some(if appropriation {
            [
                Concept::AppropriationExpenditureGrandTotal,
                Concept::AppropriationExpenditure,
            ]
        } else {
            [
                Concept::ExpenditureGrandTotal,
                Concept::CurrentExpenditureTotal,
            ]
        })
    } else {
        None
    }
}
