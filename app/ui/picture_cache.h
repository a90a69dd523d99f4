// Pictures for the screens: each file decoded once on a worker thread (never in a frame),
// uploaded as a texture on a later frame and scaled by the GPU; the least recently drawn
// are freed beyond a memory budget, so browsing a thousand pictures stays bounded.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <imgui.h>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace factdeck::ui {

class PictureCache {
public:
  // `budgetBytes`: texture memory kept for pictures not drawn in this frame. `wake` is
  // called from the worker when a picture is decoded (to draw a frame).
  explicit PictureCache(std::size_t budgetBytes = std::size_t{192} << 20, std::function<void()> wake = {});
  ~PictureCache();
  PictureCache(const PictureCache&) = delete;
  PictureCache& operator=(const PictureCache&) = delete;

  struct View {
    ImTextureID texture = nullptr; // null until ready
    int width = 0, height = 0;
    bool loading = false;
    std::string error; // why it cannot be shown
  };
  // The picture in `file`: ready, loading (asked for now if it was not), or failed.
  View Get(const std::string& file, int frame);

  // Each frame, before drawing: uploads up to `maxUploads` decoded pictures, frees the least
  // recently drawn beyond the budget. True while pictures are still being decoded.
  bool Update(int frame, int maxUploads = 2);

  std::size_t TextureBytes() const { return m_textureBytes; }
  std::size_t Textures() const;

private:
  enum class State { Queued, Ready, Failed };
  struct Entry {
    State state = State::Queued;
    unsigned int texture = 0;
    int width = 0, height = 0;
    std::size_t bytes = 0;
    int lastDrawn = 0;
    std::string error;
  };
  struct Decoded {
    std::string file;
    std::vector<unsigned char> rgba;
    int width = 0, height = 0;
    std::string error;
  };
  void Work();

  std::unordered_map<std::string, Entry> m_entries; // the UI thread's
  std::size_t m_budget, m_textureBytes = 0;
  std::function<void()> m_wake;
  std::mutex m_mutex; // guards the queue, the decoded list and m_stop
  std::condition_variable m_wakeWorker;
  std::deque<std::string> m_queue;
  std::deque<Decoded> m_decoded;
  bool m_stop = false;
  std::thread m_worker;
};

} // namespace factdeck::ui
