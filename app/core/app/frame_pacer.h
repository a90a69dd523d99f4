// Decides when the window loop draws a frame and how long it may sleep in between.
//
// The loop draws only when something changed: an input or window event (then a few
// frames, so that layouts that need a second pass settle), an animation (every frame
// while it runs), or a timer (once, when it falls due). Otherwise it sleeps in the
// platform's event wait, so an idle window costs no CPU. Pure logic: the clock is
// passed in, in seconds, so tests drive it with fixed values.
#pragma once

#include <limits>

namespace factdeck {

// What the frame just drawn asks of the next ones.
struct FrameNeeds {
  bool animating = false;                                  // draw the next frame at once
  double wakeAt = std::numeric_limits<double>::infinity(); // draw a frame at this time

  // Keeps the earliest wake-up.
  void WakeAt(double time) {
    if (time < wakeAt) wakeAt = time;
  }
};

// How the loop should wait for events before the next frame.
struct FrameWait {
  enum class Kind { Poll, Timeout, Forever };
  Kind kind = Kind::Forever;
  double seconds = 0.0; // for Timeout: how long at most
};

class FramePacer {
public:
  static constexpr int kFramesAfterEvent = 3;

  // An input or window event arrived.
  void OnEvent() { m_pendingFrames = kFramesAfterEvent; }

  // How to wait before the next frame, given the current time.
  FrameWait NextWait(double now) const;

  // Whether a frame is due now (after the wait returned).
  bool FrameDue(double now) const { return m_pendingFrames > 0 || m_needs.animating || now >= m_needs.wakeAt; }

  // A frame was drawn; `needs` is what it asked for.
  void OnFrameDrawn(const FrameNeeds& needs) {
    if (m_pendingFrames > 0) --m_pendingFrames;
    m_needs = needs;
  }

private:
  int m_pendingFrames = kFramesAfterEvent; // the first frames of a new window
  FrameNeeds m_needs;
};

} // namespace factdeck
