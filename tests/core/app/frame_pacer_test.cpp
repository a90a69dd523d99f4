#include <catch2/catch.hpp>

#include "core/app/frame_pacer.h"

using factdeck::FrameNeeds;
using factdeck::FramePacer;
using factdeck::FrameWait;

namespace {

// Draws frames while the pacer says one is due, as the window loop does; returns how many.
int DrawWhileDue(FramePacer& pacer, double now, const FrameNeeds& needs = {}) {
  int frames = 0;
  while (pacer.FrameDue(now) && frames < 100) {
    pacer.OnFrameDrawn(needs);
    ++frames;
  }
  return frames;
}

// A pacer past its first frames whose last frame asked for `needs`.
FramePacer PacerAfterFrame(const FrameNeeds& needs) {
  FramePacer pacer;
  DrawWhileDue(pacer, 0.0);
  pacer.OnFrameDrawn(needs);
  return pacer;
}

} // namespace

TEST_CASE("an idle window sleeps until an event", "[frame_pacer]") {
  FramePacer pacer;
  CHECK(DrawWhileDue(pacer, 0.0) == FramePacer::kFramesAfterEvent); // the first frames
  CHECK(pacer.NextWait(1.0).kind == FrameWait::Kind::Forever);
  CHECK_FALSE(pacer.FrameDue(1.0));
}

TEST_CASE("an event draws a few frames, then the loop sleeps again", "[frame_pacer]") {
  FramePacer pacer;
  DrawWhileDue(pacer, 0.0);
  pacer.OnEvent();
  CHECK(pacer.NextWait(2.0).kind == FrameWait::Kind::Poll);
  CHECK(DrawWhileDue(pacer, 2.0) == FramePacer::kFramesAfterEvent);
  CHECK(pacer.NextWait(2.0).kind == FrameWait::Kind::Forever);
}

TEST_CASE("an animation draws every frame until it stops", "[frame_pacer]") {
  FrameNeeds animating;
  animating.animating = true;
  FramePacer pacer = PacerAfterFrame(animating);
  for (int i = 0; i < 10; ++i) {
    REQUIRE(pacer.NextWait(1.0 + i).kind == FrameWait::Kind::Poll);
    REQUIRE(pacer.FrameDue(1.0 + i));
    pacer.OnFrameDrawn(animating);
  }
  pacer.OnFrameDrawn({});
  CHECK(pacer.NextWait(20.0).kind == FrameWait::Kind::Forever);
}

TEST_CASE("a timer wakes the loop once, when it falls due", "[frame_pacer]") {
  FrameNeeds timer;
  timer.WakeAt(10.0);
  timer.WakeAt(12.0); // the earlier wake-up wins
  FramePacer pacer = PacerAfterFrame(timer);

  FrameWait wait = pacer.NextWait(7.5);
  CHECK(wait.kind == FrameWait::Kind::Timeout);
  CHECK(wait.seconds == Approx(2.5));
  CHECK_FALSE(pacer.FrameDue(9.99)); // woken early by nothing: no frame
  CHECK(pacer.FrameDue(10.0));
  pacer.OnFrameDrawn({});
  CHECK(pacer.NextWait(10.0).kind == FrameWait::Kind::Forever);
}

TEST_CASE("a timer already past asks for a frame at once", "[frame_pacer]") {
  FrameNeeds timer;
  timer.WakeAt(5.0);
  FramePacer pacer = PacerAfterFrame(timer);
  CHECK(pacer.NextWait(6.0).kind == FrameWait::Kind::Poll);
}
