//! A seeded generator of realistic ledgers for tests, examples and benches.

use rust_decimal::Decimal;

use super::{ExpenditureItem, IncomeItem, Ledger, OpeningBalance, UnitId};
use crate::classification::{Catalog, DepartmentEconomicCode, FunctionCode, Level};
use crate::dimensions::ThreePublicCategory;
use crate::dimensions::{ExpenditureKind, IncomeSource};
use crate::money::round_half_up;

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0); the modulo bias is negligible for small `n`.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next() % n as u64) as usize
    }

    /// One of `choices` with probability proportional to its weight.
    fn weighted<T: Copy>(&mut self, choices: &[(T, u64)]) -> Option<T> {
        let total: u64 = choices.iter().map(|(_, w)| w).sum();
        let mut pick = self.next() % total.max(1);
        for &(choice, weight) in choices {
            if pick < weight {
                return Some(choice);
            }
            pick -= weight;
        }
        None
    }

    /// An amount in 分, log-uniform between 100 元 and 5,000,000 元.
    ///
    /// `100 元 × 50000^u` for a 24-bit fraction `u`: the power is a product of repeated square
    /// roots of 50000 chosen by the bits of `u`. IEEE 754 rounds `sqrt` and `*` exactly, unlike
    /// `powf` or `exp`, so every platform draws the same amounts.
    fn log_uniform_cents(&mut self) -> i64 {
        let bits = self.next() >> 40;
        let (mut factor, mut root) = (1.0_f64, 50_000.0_f64);
        for bit in (0..24).rev() {
            root = root.sqrt();
            if bits >> bit & 1 == 1 {
                factor *= root;
            }
        }
        // At most 5e8 分, well inside i64.
        (10_000.0 * factor) as i64
    }
}

/// A realistic ledger, the same for the same arguments on every platform.
///
/// `items` expenditure lines spread over `units` budget units (`UnitId(1)`…; at least one),
/// 项 codes drawn from the embedded catalog with a few 类 dominating (the 类 are ranked by a
/// seeded shuffle and weighted 1/rank²), amounts log-uniform between 100 元 and 5,000,000 元.
/// About 65% of the lines are funded by 一般公共预算财政拨款, a little by the two other fund
/// types, the rest by the other sources; 基本支出 lines carry 人员经费/公用经费 economic
/// codes (三公 codes 30212, 30217, 30231 and 31013 now and then). Each expenditure line comes
/// with an income line for the same unit, 项 and source of 95%–105% of its amount, and each
/// (unit, source) has an opening balance of 0–20% of its expenditure, so balances are mostly
/// positive. The PRNG is SplitMix64 seeded with `seed`.
///
/// ```
/// use fiscal_cn::ledger::generate_ledger;
///
/// let ledger = generate_ledger(42, 5, 200);
/// assert_eq!(ledger.expenditures().len(), 200);
/// assert_eq!(ledger, generate_ledger(42, 5, 200));
/// ```
#[must_use]
pub fn generate_ledger(seed: u64, units: usize, items: usize) -> Ledger {
    let mut rng = SplitMix64(seed);
    let units = u32::try_from(units.max(1)).unwrap_or(u32::MAX);

    let functions = Catalog::<FunctionCode>::embedded();
    let mut leis: Vec<Vec<FunctionCode>> = functions
        .leis()
        .map(|lei| {
            let xiangs = functions.descendants(lei.code()).iter();
            // A 项 whose name a sibling shares cannot be told apart in a narrative, so the
            // generator uses neither (the embedded data has no such pair; the filter keeps it so
            // should the data gain one).
            xiangs
                .filter(|e| e.level() == Level::Xiang)
                .filter(|e| {
                    let parent = e.code().parent();
                    functions
                        .iter()
                        .filter(|other| other.code().parent() == parent && other.name() == e.name())
                        .count()
                        == 1
                })
                .map(|e| e.code())
                .collect()
        })
        .filter(|xiangs: &Vec<FunctionCode>| !xiangs.is_empty())
        .collect();
    for i in (1..leis.len()).rev() {
        let j = rng.below(i + 1);
        leis.swap(i, j);
    }
    let lei_weights: Vec<(usize, u64)> = (0..leis.len())
        .map(|rank| (rank, 1_000_000 / ((rank as u64 + 1).pow(2))))
        .collect();

    let economics = Catalog::<DepartmentEconomicCode>::embedded();
    let kuans = |leis: &[u32]| -> Vec<DepartmentEconomicCode> {
        economics
            .iter()
            .map(|e| e.code())
            .filter(|c| c.level() == Level::Kuan && leis.contains(&c.lei().as_u32()))
            .filter(|c| ThreePublicCategory::from_economic_code(*c).is_none())
            .collect()
    };
    let basic_codes = kuans(&[301, 302, 303]);
    let project_codes = kuans(&[302, 310]);
    let three_public: Vec<DepartmentEconomicCode> = [30212, 30217, 30231, 31013]
        .into_iter()
        .filter_map(DepartmentEconomicCode::from_u32)
        .collect();

    use ExpenditureKind as K;
    use IncomeSource as S;
    let sources = [
        (S::GeneralBudgetAppropriation, 65),
        (S::GovernmentFundAppropriation, 8),
        (S::StateCapitalAppropriation, 2),
        (S::HigherLevelSubsidy, 5),
        (S::InstitutionRevenue, 10),
        (S::BusinessRevenue, 4),
        (S::SubordinateRemittance, 2),
        (S::Other, 4),
    ];
    let appropriation_kinds = [(K::Basic, 60), (K::Project, 40)];
    let other_kinds = [
        (K::Basic, 40),
        (K::Project, 35),
        (K::RemittanceToHigher, 5),
        (K::Business, 15),
        (K::SubsidyToSubordinate, 5),
    ];

    let mut expenditures = Vec::with_capacity(items);
    let mut incomes = Vec::with_capacity(items);
    for _ in 0..items {
        let lei = rng.weighted(&lei_weights).unwrap_or(0);
        let xiangs = leis.get(lei).map(Vec::as_slice).unwrap_or_default();
        let Some(&function) = xiangs.get(rng.below(xiangs.len())) else {
            continue;
        };
        let unit = UnitId(1 + (rng.next() % u64::from(units)) as u32);
        let source = rng.weighted(&sources).unwrap_or(S::Other);
        let kinds: &[_] = if source.is_appropriation() {
            &appropriation_kinds
        } else {
            &other_kinds
        };
        let kind = rng.weighted(kinds).unwrap_or(K::Basic);
        let pick = |rng: &mut SplitMix64, codes: &[DepartmentEconomicCode]| {
            codes.get(rng.below(codes.len())).copied()
        };
        let economic = match kind {
            K::Basic if rng.below(20) == 0 => pick(&mut rng, &three_public),
            K::Basic => pick(&mut rng, &basic_codes),
            K::Project if rng.below(4) > 0 => pick(&mut rng, &project_codes),
            _ => None,
        };
        let cents = rng.log_uniform_cents();
        let amount = Decimal::new(cents, 2);
        expenditures.push(ExpenditureItem {
            unit,
            function,
            economic,
            kind,
            source,
            amount,
        });
        let income_cents = cents / 100 * (95 + rng.below(11) as i64) + rng.below(100) as i64;
        incomes.push(IncomeItem {
            unit,
            function,
            source,
            amount: Decimal::new(income_cents, 2),
        });
    }

    let spent = super::group_by(&expenditures, |i| (i.unit, i.source)).unwrap_or_default();
    let opening_balances = spent
        .into_iter()
        .map(|((unit, source), amount)| OpeningBalance {
            unit,
            source,
            amount: amount
                .checked_mul(Decimal::new(rng.below(21) as i64, 2))
                .map_or(Decimal::ZERO, |a| round_half_up(a, 2)),
        })
        .collect();

    // Every line above satisfies the ledger's rules by construction; fall back to an empty
    // ledger rather than panic should a future catalog break that.
    Ledger::new(expenditures, incomes, opening_balances).unwrap_or_default()
}

/// A realistic budget ledger: the expenditure lines of [`generate_ledger`] as this year's
/// budget lines, funded exactly — for every unit and source, this year's income and last
/// year's carry-over (上年结转, 0–20% of the source's lines) add up to the lines — so that
/// [`derive_disclosure`](crate::derive::derive_disclosure) can make a budget of it. A third of the
/// 事业收入 lines are funded from 财政专户管理资金 instead, which budgets list apart. The same
/// for the same arguments on every platform.
///
/// ```
/// use fiscal_cn::{Decimal, ledger::generate_budget_ledger};
///
/// let ledger = generate_budget_ledger(42, 3, 120);
/// let total = |amounts: Vec<Decimal>| amounts.into_iter().sum::<Decimal>();
/// let spent = total(ledger.expenditures().iter().map(|i| i.amount).collect());
/// let income = total(ledger.incomes().iter().map(|i| i.amount).collect());
/// let carried = total(ledger.opening_balances().iter().map(|b| b.amount).collect());
/// assert_eq!(income + carried, spent);
/// ```
#[must_use]
pub fn generate_budget_ledger(seed: u64, units: usize, items: usize) -> Ledger {
    let base = generate_ledger(seed, units, items);
    let mut rng = SplitMix64(seed ^ 0x005E_EDB0_D6E7);
    let expenditures: Vec<ExpenditureItem> = base
        .expenditures()
        .iter()
        .map(|item| {
            let mut item = *item;
            if item.source == IncomeSource::InstitutionRevenue && rng.below(3) == 0 {
                item.source = IncomeSource::FiscalSpecialAccount;
            }
            item
        })
        .collect();
    let (Ok(needed), Ok(spent)) = (
        super::group_by(&expenditures, |i| (i.unit, i.source, i.function)),
        super::group_by(&expenditures, |i| (i.unit, i.source)),
    ) else {
        return Ledger::default();
    };
    let mut carry: std::collections::BTreeMap<_, Decimal> = spent
        .into_iter()
        .map(|(key, amount)| {
            let share = Decimal::new(rng.below(21) as i64, 2);
            let carried = amount
                .checked_mul(share)
                .map_or(Decimal::ZERO, |a| round_half_up(a, 2));
            (key, carried)
        })
        .collect();
    let opening_balances = carry
        .iter()
        .map(|(&(unit, source), &amount)| OpeningBalance {
            unit,
            source,
            amount,
        })
        .collect();
    // The carry-over pays for the first lines of its unit and source; income the rest.
    let mut incomes = Vec::with_capacity(needed.len());
    for ((unit, source, function), amount) in needed {
        let left = carry.entry((unit, source)).or_default();
        let used = (*left).min(amount);
        *left -= used;
        if amount > used {
            incomes.push(IncomeItem {
                unit,
                function,
                source,
                amount: amount - used,
            });
        }
    }
    Ledger::new(expenditures, incomes, opening_balances).unwrap_or_default()
}
