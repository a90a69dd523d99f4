#include "ui/screens/game_widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "core/base/text.h"
#include "ui/picture_cache.h"
#include "ui/screens/screens.h"

namespace factdeck::ui {

namespace {

const ImVec4 kTileColours[4] = {
    {0.85f, 0.15f, 0.20f, 1}, {0.10f, 0.40f, 0.85f, 1}, {0.90f, 0.65f, 0.05f, 1}, {0.15f, 0.55f, 0.15f, 1}};

void Shape(ImDrawList* draw, int index, ImVec2 centre, float r, ImU32 colour) {
  switch (index) {
  case 0:
    draw->AddTriangleFilled({centre.x, centre.y - r}, {centre.x - r, centre.y + r * 0.8f},
                            {centre.x + r, centre.y + r * 0.8f}, colour);
    break;
  case 1:
    draw->AddQuadFilled({centre.x, centre.y - r}, {centre.x + r, centre.y}, {centre.x, centre.y + r},
                        {centre.x - r, centre.y}, colour);
    break;
  case 2: draw->AddCircleFilled(centre, r, colour, 32); break;
  default:
    draw->AddRectFilled({centre.x - r * 0.8f, centre.y - r * 0.8f}, {centre.x + r * 0.8f, centre.y + r * 0.8f}, colour);
    break;
  }
}

// The size of a picture fitted into `box`, its proportions kept, never enlarged past twice
// its size (a small icon stays sharp enough); the box itself while it is not decoded yet.
ImVec2 FittedSize(const PictureCache::View& v, ImVec2 box) {
  if (v.texture == nullptr || v.width <= 0 || v.height <= 0) return box;
  const float scale = std::min({box.x / static_cast<float>(v.width), box.y / static_cast<float>(v.height),
                                2.0f * ImGui::GetIO().DisplayFramebufferScale.x});
  return ImVec2(static_cast<float>(v.width) * scale, static_cast<float>(v.height) * scale);
}

// The picture, or the quiet box of its place while it is decoded, in [at, at + size].
void DrawFitted(UiContext& ui, ImDrawList* draw, const PictureCache::View& v, ImVec2 at, ImVec2 size,
                const std::string& name, float alpha) {
  const ImVec2 end(at.x + size.x, at.y + size.y);
  if (v.texture != nullptr) {
    draw->AddImage(v.texture, at, end, ImVec2(0, 0), ImVec2(1, 1),
                   IM_COL32(255, 255, 255, static_cast<int>(255 * alpha)));
    ui.TrackRect(name, at, end);
  } else {
    draw->AddRectFilled(at, end, ImGui::GetColorU32(ImGuiCol_FrameBg, alpha), 0.3f * ui.Em());
    ui.TrackRect(name + "/loading", at, end);
  }
}

} // namespace

void Picture(UiContext& ui, const std::string& file, ImVec2 maxSize, const std::string& name) {
  if (ui.pictures == nullptr || file.empty()) return;
  const PictureCache::View v = ui.pictures->Get(file, ui.frame);
  if (!v.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::TextWrapped("(The picture %s: %s.)", v.error.c_str(), file.c_str());
    ImGui::PopStyleColor();
    ui.Track(name + "/error");
    return;
  }
  const ImVec2 size = FittedSize(v, maxSize);
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > size.x) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - size.x) / 2);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  DrawFitted(ui, ImGui::GetWindowDrawList(), v, at, size, name, 1.0f);
}

void PictureInBox(UiContext& ui, ImDrawList* draw, const std::string& file, ImVec2 min, ImVec2 max,
                  const std::string& caption, ImU32 captionColour, const std::string& name, float alpha) {
  float bottom = max.y;
  if (!caption.empty()) {
    // The caption on one line at the foot, cut at the box's edges.
    ImFont* font = ui.fonts.bold;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, caption.c_str());
    bottom = max.y - size.y - 0.2f * ui.Em();
    draw->PushClipRect(ImVec2(min.x, bottom), max, true);
    draw->AddText(font, font->FontSize, ImVec2(std::max(min.x, (min.x + max.x - size.x) / 2), bottom + 0.1f * ui.Em()),
                  captionColour, caption.c_str());
    draw->PopClipRect();
    ui.TrackRect(name + "/caption", ImVec2(min.x, bottom), max);
  }
  if (ui.pictures == nullptr || file.empty() || bottom - min.y < ui.Em()) return;
  const PictureCache::View v = ui.pictures->Get(file, ui.frame);
  if (!v.error.empty()) {
    draw->AddText(ImVec2(min.x, min.y), captionColour, "(no picture)");
    ui.TrackRect(name + "/error", min, max);
    return;
  }
  const ImVec2 box(max.x - min.x, bottom - min.y), size = FittedSize(v, box);
  DrawFitted(ui, draw, v, ImVec2(min.x + (box.x - size.x) / 2, min.y + (box.y - size.y) / 2), size, name, alpha);
}

void BigText(UiContext& ui, const char* text) {
  ImGui::PushFont(ui.fonts.title);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

int AnswerTiles(UiContext& ui, const std::string& name, const Question& q, const std::vector<int>& correct,
                const std::vector<int>* counts, const std::vector<int>* marked) {
  const std::vector<std::string>& options = q.options;
  const bool pictures = q.optionImages.size() == q.options.size() && !q.optionImages.empty();
  auto in = [](const std::vector<int>* set, size_t i) {
    return set != nullptr && std::find(set->begin(), set->end(), static_cast<int>(i)) != set->end();
  };
  int clicked = -1;
  const float gap = ui.Em();
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const float width = (area.x - gap) / 2;
  const float textLeft = 3.2f * ui.Em(), countWidth = counts != nullptr ? 4.0f * ui.Em() : 0.0f;
  const float wrap = std::max(4.0f * ui.Em(), width - textLeft - countWidth - 0.8f * ui.Em());
  const size_t shown = std::min<size_t>(options.size(), 4);
  std::vector<std::string> labels;
  for (size_t i = 0; i < shown; ++i)
    labels.push_back(std::to_string(i + 1) + (pictures ? "" : "  " + options[i]) +
                     (in(&correct, i) ? "  \xE2\x9C\x93" : ""));
  // Long options wrap: in the title font while they fit the tile, else in the bold text font.
  const float usual = std::max(3.0f * ui.Em(), std::min(5.0f * ui.Em(), (area.y - 8 * ui.Em()) / 2));
  const float tallest = std::max(usual, (area.y - 8 * ui.Em()) / 2);
  auto heightIn = [&](ImFont* font) {
    float h = 0;
    for (const std::string& label : labels)
      h = std::max(h, font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.c_str()).y);
    return h;
  };
  ImFont* font = ui.fonts.title;
  float textHeight = heightIn(font);
  if (textHeight + 1.2f * ui.Em() > tallest) {
    font = ui.fonts.bold;
    textHeight = heightIn(font);
  }
  // Pictures take what height there is: the room's screen is for them.
  const ImVec2 tile(width, pictures ? std::clamp((area.y - 7 * ui.Em()) / 2, 5 * ui.Em(), 16 * ui.Em())
                                    : std::clamp(textHeight + 1.2f * ui.Em(), usual, tallest));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < shown; ++i) {
    if (i % 2 == 1) ImGui::SameLine(0, gap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("tile", tile)) clicked = static_cast<int>(i);
    ImGui::PopID();
    ui.Track(name + "/tile/" + std::to_string(i));
    const bool right = in(&correct, i);
    const float alpha = !correct.empty() && !right ? 0.3f : 1.0f;
    ImVec4 colour = kTileColours[i];
    colour.w = alpha;
    const ImU32 white = IM_COL32(255, 255, 255, static_cast<int>(255 * alpha));
    draw->AddRectFilled(at, {at.x + tile.x, at.y + tile.y}, ImGui::GetColorU32(colour), 8.0f);
    if (in(marked, i)) // chosen, not yet locked in: a thick white frame
      draw->AddRect({at.x + 3, at.y + 3}, {at.x + tile.x - 3, at.y + tile.y - 3}, white, 8.0f, 0, 6.0f);
    Shape(draw, static_cast<int>(i), {at.x + 1.6f * ui.Em(), at.y + tile.y / 2}, 0.9f * ui.Em(), white);
    // How many chose it, at the tile's right edge.
    if (counts != nullptr && i < counts->size()) {
      const std::string count = std::to_string((*counts)[i]);
      const float left = at.x + tile.x - countWidth;
      draw->AddRectFilled({left + 0.5f * ui.Em(), at.y + 0.5f * ui.Em()},
                          {at.x + tile.x - 0.5f * ui.Em(), at.y + tile.y - 0.5f * ui.Em()},
                          IM_COL32(0, 0, 0, static_cast<int>(90 * alpha)), 6.0f);
      const ImVec2 size = ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0, count.c_str());
      draw->AddText(ui.fonts.title, ui.fonts.title->FontSize,
                    {left + (countWidth - size.x) / 2, at.y + (tile.y - size.y) / 2}, white, count.c_str());
    }
    if (pictures) {
      // The number above the shape; the picture beside it, and whose it is once revealed
      // (or always, when the pictures only illustrate the words).
      draw->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, {at.x + 0.6f * ui.Em(), at.y + 0.3f * ui.Em()}, white,
                    labels[i].c_str());
      const bool named = !q.picturesOnly || !correct.empty();
      PictureInBox(ui, draw, q.optionImages[i], {at.x + textLeft, at.y + 0.4f * ui.Em()},
                   {at.x + tile.x - countWidth - 0.5f * ui.Em(), at.y + tile.y - 0.4f * ui.Em()},
                   named ? options[i] : std::string(), white, name + "/tile/" + std::to_string(i) + "/picture", alpha);
      continue;
    }
    const float h = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, labels[i].c_str()).y;
    draw->PushClipRect(at, {at.x + tile.x - countWidth, at.y + tile.y}, true);
    draw->AddText(font, font->FontSize, {at.x + textLeft, at.y + std::max(0.3f * ui.Em(), (tile.y - h) / 2)}, white,
                  labels[i].c_str(), nullptr, wrap);
    draw->PopClipRect();
  }
  return clicked;
}

void QuestionAsSeen(UiContext& ui, const Question& q, size_t number) {
  ImGui::PushID(static_cast<int>(number));
  ImGui::TextWrapped("%zu. %s", number, q.prompt.c_str());
  ImGui::Indent();
  if (q.options.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->right);
    ImGui::TextWrapped("\xE2\x86\x92 %s", q.answerText.c_str());
    ImGui::PopStyleColor();
  }
  for (size_t o = 0; o < q.options.size(); ++o) {
    const bool right = q.order.empty() && IsRightOption(q, static_cast<int>(o));
    ImGui::PushStyleColor(ImGuiCol_Text, right ? ui.palette->right : ui.palette->muted);
    ImGui::TextWrapped("%s %s", right ? kRightMark : " \xC2\xB7", q.options[o].c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Unindent();
  ImGui::PopID();
}

bool Pressed(int key, bool whileTyping) {
  return ImGui::IsKeyPressed(key, false) && (whileTyping || !ImGui::GetIO().WantTextInput);
}

void Leaderboard(UiContext& ui, const std::vector<LeaderboardRow>& rows, double& since, size_t maxRows) {
  if (since == 0.0) since = ui.now;
  const float t = ui.stillFrames ? 1.0f : std::clamp(static_cast<float>((ui.now - since) / 0.8), 0.0f, 1.0f);
  if (t < 1.0f) ui.needs.animating = true;
  const float eased = 1 - (1 - t) * (1 - t);
  const size_t shown = std::min(rows.size(), maxRows);
  const float row = 2.6f * ui.Em();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  int best = 1;
  for (const LeaderboardRow& r : rows)
    best = std::max(best, r.score);
  const float avail = ImGui::GetContentRegionAvail().x;
  draw->PushClipRect(origin, {origin.x + avail, origin.y + row * static_cast<float>(shown)}, true);
  // The names' column as wide as the widest "N. name" shown (at most two fifths of the width),
  // so that no name is cut; the bars share the rest, the score after each.
  std::vector<std::string> labels;
  float names = 6 * ui.Em();
  for (size_t place = 0; place < shown; ++place) {
    labels.push_back(std::to_string(rows[place].rank) + ". " + rows[place].name);
    names = std::max(names,
                     ui.fonts.title->CalcTextSizeA(ui.fonts.title->FontSize, FLT_MAX, 0.0f, labels.back().c_str()).x);
  }
  names = std::min(names, 0.4f * avail);
  const float barX = origin.x + names + 0.5f * ui.Em();
  for (size_t place = 0; place < shown; ++place) {
    const LeaderboardRow& r = rows[place];
    const float before = std::min(r.placeBefore, static_cast<float>(shown));
    const float y = origin.y + (before + (static_cast<float>(place) - before) * eased) * row;
    const float width = std::max(0.0f, avail - names - 5.5f * ui.Em()) * std::max(0.0f, static_cast<float>(r.score)) /
                        static_cast<float>(best);
    const ImVec4 colour = r.colour.empty() ? ui.palette->accent : HexColour(r.colour);
    draw->AddRectFilled({barX, y + 0.3f * ui.Em()}, {barX + width, y + row - 0.3f * ui.Em()},
                        ImGui::GetColorU32(colour), 6.0f);
    char line[128];
    std::snprintf(line, sizeof line, "%s", labels[place].c_str());
    draw->PushClipRect({origin.x, y}, {origin.x + names, y + row}, true);
    draw->AddText(ui.fonts.title, ui.fonts.title->FontSize, {origin.x, y + 0.4f * ui.Em()},
                  ImGui::GetColorU32(ImGuiCol_Text), line);
    draw->PopClipRect();
    std::snprintf(line, sizeof line, "%s", SignedCountText(r.score).c_str());
    draw->AddText(ui.fonts.title, ui.fonts.title->FontSize, {barX + width + 0.5f * ui.Em(), y + 0.4f * ui.Em()},
                  ImGui::GetColorU32(ImGuiCol_Text), line);
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(0, row * static_cast<float>(shown)));
}

void Podium(UiContext& ui, const std::vector<PodiumEntry>& ranked) {
  ImVec2 origin = ImGui::GetCursorScreenPos();
  // Three columns, centred: the name above each block, the place and the score inside it.
  // The podium grows with the window (up to two and a half times), for the back of a room.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float scale = std::clamp((avail.y - 6 * ui.Em()) / (15 * ui.Em()), 1.0f, 2.5f);
  const float width = std::min(20 * ui.Em() * scale, (avail.x - 2 * ui.Em()) / 3);
  origin.x += std::max(0.0f, (avail.x - 3 * width - 2 * ui.Em()) / 2);
  const float base = origin.y + 14 * ui.Em() * scale;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* font = ui.fonts.title;
  const ImU32 white = IM_COL32(255, 255, 255, 255);
  // Text centred in the column at `y`, clipped to it when too long.
  auto centred = [&](float x, float y, const std::string& text, ImU32 colour) {
    const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
    draw->PushClipRect({x, y}, {x + width, y + font->FontSize * 1.3f}, true);
    draw->AddText(font, font->FontSize, {x + std::max(0.0f, (width - w) / 2), y}, colour, text.c_str());
    draw->PopClipRect();
  };
  // Second on the left, first in the middle, third on the right.
  const size_t places[3] = {1, 0, 2};
  const float heights[3] = {9, 6.5f, 5}; // by place: first, second, third
  for (int column = 0; column < 3; ++column) {
    const size_t place = places[column];
    if (place >= ranked.size()) continue;
    const PodiumEntry& entry = ranked[place];
    const float x = origin.x + static_cast<float>(column) * (width + ui.Em());
    const float top = base - heights[place] * ui.Em() * scale;
    const ImVec4 colour = entry.colour.empty() ? ui.palette->accent : HexColour(entry.colour);
    draw->AddRectFilled({x, top}, {x + width, base}, ImGui::GetColorU32(colour), 6.0f);
    centred(x, top - 2.0f * ui.Em(), entry.name, ImGui::GetColorU32(ImGuiCol_Text));
    centred(x, top + 0.5f * ui.Em(), std::to_string(entry.rank), white);
    centred(x, top + 0.6f * ui.Em() + font->FontSize * 1.2f, SignedCountText(entry.score), white);
  }
  ImGui::Dummy(ImVec2(0, 15 * ui.Em() * scale));
  for (size_t place = 3; place < ranked.size(); ++place)
    ImGui::Text("%d. %s  %d", ranked[place].rank, ranked[place].name.c_str(), ranked[place].score);
}

} // namespace factdeck::ui
