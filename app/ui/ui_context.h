// Per-frame context handed to every screen: fonts, palette, frame needs, and the item
// registry through which tests find widgets by a stable name such as "home/settings".
#pragma once

#include <imgui.h>
#include <map>
#include <string>

#include "core/app/app_state.h"
#include "ui/fonts.h"
#include "core/app/frame_pacer.h"
#include "ui/theme.h"
#include "ui/widget_state.h"

namespace factdeck::ui {

// Where an item was drawn in the last frame that drew it, in framebuffer pixels.
struct ItemRect {
  ImVec2 min, max;
  int frame = 0;
  ImVec2 Center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

// Records item rectangles by stable name. Only tests enable it; the app passes none.
class ItemRegistry {
public:
  void Record(const std::string& name, ImVec2 min, ImVec2 max, int frame) { m_items[name] = {min, max, frame}; }
  // The item drawn under `name` in frame `frame` or later, or nullptr.
  const ItemRect* Find(const std::string& name, int sinceFrame = 0) const {
    auto it = m_items.find(name);
    return it == m_items.end() || it->second.frame < sinceFrame ? nullptr : &it->second;
  }
  const std::map<std::string, ItemRect>& Items() const { return m_items; }

private:
  std::map<std::string, ItemRect> m_items;
};

struct UiContext {
  const AppState& state; // read only: changed through Post(intent)
  std::vector<Intent>& intents;
  // Asks for a change of the model: applied after the frame (ApplyIntents).
  void Post(Intent intent) const { intents.push_back(std::move(intent)); }
  WidgetState& widgets; // the widgets' own state, the screens' to change
  UiFonts fonts;
  const Palette* palette = nullptr;
  ItemRegistry* registry = nullptr;
  int frame = 0;
  double now = 0.0;         // seconds, the platform clock
  FrameNeeds needs;         // what this frame asks of the next
  bool stillFrames = false; // screenshots: animations are drawn at their end
  // The desktop's file chooser; nullptr: FactDeck's own deck browser only (tests).
  class DesktopFileChooser* fileChooser = nullptr;
  class PictureCache* pictures = nullptr; // decoded pictures; nullptr: none are drawn

  // The font size in pixels: the unit for every size on screen.
  float Em() const { return ImGui::GetFontSize(); }

  // Records the last item under `name` for tests.
  void Track(const std::string& name) const {
    if (registry != nullptr) registry->Record(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), frame);
  }
  // Records a drawn area that is not an item (a chart's bar) under `name` for tests.
  void TrackRect(const std::string& name, ImVec2 min, ImVec2 max) const {
    if (registry != nullptr) registry->Record(name, min, max, frame);
  }
};

} // namespace factdeck::ui
