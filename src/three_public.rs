//! 三公经费 and 机关运行经费.
//!
//! 三公经费 is spending from 财政拨款 on 因公出国（境）费, 公务用车购置及运行维护费 and 公务接待费
//! (DOMAIN.md §4). It is defined by use, not by economic code alone: the codes below are where it
//! is normally booked, but 30239 其他交通费用, for instance, is not 三公.

use crate::classification::DepartmentEconomicCode;
use crate::dimensions::closed_set;

closed_set! {
    /// The three categories of 三公经费.
    ///
    /// ```
    /// use fiscal_cn::ThreePublicCategory;
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
    /// use fiscal_cn::{ThreePublicCategory, ThreePublicItem};
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
    /// use fiscal_cn::ThreePublicCategory;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_belong_to_their_category_and_back() {
        for item in ThreePublicItem::ALL {
            assert!(item.category().items().contains(item));
        }
        for c in ThreePublicCategory::ALL {
            assert_eq!(c.to_string().parse::<ThreePublicCategory>().unwrap(), *c);
        }
        assert_eq!(
            "因公出国(境)费".parse::<ThreePublicCategory>().unwrap(),
            ThreePublicCategory::OverseasTravel
        );
    }

    #[test]
    fn economic_codes_map_to_categories() {
        let code = |c| DepartmentEconomicCode::from_u32(c).unwrap();
        let category = |c| ThreePublicCategory::from_economic_code(code(c));
        assert_eq!(category(30212), Some(ThreePublicCategory::OverseasTravel));
        assert_eq!(category(30231), Some(ThreePublicCategory::OfficialVehicles));
        assert_eq!(category(31013), Some(ThreePublicCategory::OfficialVehicles));
        assert_eq!(
            category(30217),
            Some(ThreePublicCategory::OfficialReception)
        );
        assert_eq!(category(30239), None);
        assert_eq!(category(302), None);
        assert_eq!(ThreePublicItem::from_economic_code(code(30217)), None);
    }
}
