#include "core/app/frame_pacer.h"

#include <cmath>

namespace factdeck {

FrameWait FramePacer::NextWait(double now) const {
  if (m_pendingFrames > 0 || m_needs.animating) return {FrameWait::Kind::Poll, 0.0};
  if (std::isfinite(m_needs.wakeAt)) {
    double left = m_needs.wakeAt - now;
    if (left <= 0.0) return {FrameWait::Kind::Poll, 0.0};
    return {FrameWait::Kind::Timeout, left};
  }
  return {FrameWait::Kind::Forever, 0.0};
}

} // namespace factdeck
