#include "io/vocabulary.hpp"

#include <array>

namespace caresim::io {

namespace {

// The codes mirror the model's enums in records.hpp; a test checks the English names
// against model::to_string and that no enumerator is missing.
constexpr std::array kPlaces{
    Term{0, "outside", "モデル外"},
    Term{1, "home", "自宅"},
    Term{2, "supported_housing", "居住サポート住宅"},
    Term{3, "group_home", "グループホーム"},
    Term{4, "crisis_stay", "緊急短期入所"},
    Term{5, "hospital", "精神病床"},
    Term{6, "community_ward", "精神科地域包括ケア病棟"},
    Term{7, "hospital_elsewhere", "圏域外の精神病床（救急医療体制・転院）"},
};

constexpr std::array kMoveKinds{
    Term{0, "enter", "観察開始"},    Term{1, "admit", "入院"},          Term{2, "discharge", "退院"},
    Term{3, "ward_change", "転棟"},  Term{4, "short_stay", "短期入所"}, Term{5, "stay_end", "短期入所終了"},
    Term{6, "move", "住まいの移動"}, Term{7, "exit", "観察終了"},       Term{8, "transfer", "転院"},
};

constexpr std::array kCauses{
    Term{0, "initial", "初期在籍"},
    Term{1, "new_person", "新規把握"},
    Term{2, "crisis", "危機"},
    Term{3, "admission_queue", "入院待機"},
    Term{4, "ready", "退院準備完了"},
    Term{5, "transition", "地域移行支援"},
    Term{6, "ward_cap", "病棟の在院日数上限"},
    Term{7, "short_stay_over", "短期入所期間満了"},
    Term{8, "group_home_grant", "グループホーム入居決定"},
    Term{9, "move_out", "グループホーム退去"},
    Term{10, "death", "死亡"},
    Term{11, "elderly_care", "高齢者施設等への移行"},
    Term{12, "moved_away", "転居"},
    Term{13, "transfer_out", "転院"},
    Term{14, "other_exit", "その他の終了"},
    Term{15, "deterioration", "待機中の悪化（救急医療体制）"},
};

constexpr std::array kAdmissions{
    Term{0, "voluntary", "任意入院"},
    Term{1, "involuntary", "医療保護入院"},
    Term{2, "administrative", "措置入院"},
};

constexpr std::array kDiagnoses{
    Term{0, "F2", "統合失調症等 (F2)"},
    Term{1, "F0", "認知症等 (F0)"},
    Term{2, "other", "その他"},
};

// The shape of an indicator entry, an HDF5 enum so the file names it.
constexpr std::array kIndicatorShapes{
    Term{0, "scalar", "スカラー"},
    Term{1, "map", "名前付きの値"},
    Term{2, "array", "配列"},
};

}  // namespace

std::span<const Term> place_terms() {
  return kPlaces;
}
std::span<const Term> move_kind_terms() {
  return kMoveKinds;
}
std::span<const Term> cause_terms() {
  return kCauses;
}
std::span<const Term> admission_terms() {
  return kAdmissions;
}
std::span<const Term> diagnosis_terms() {
  return kDiagnoses;
}

std::span<const Term> indicator_shape_terms() {
  return kIndicatorShapes;
}

}  // namespace caresim::io
