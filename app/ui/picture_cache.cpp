#include "ui/picture_cache.h"

#include <algorithm>
#include <glad/gl.h>
#include <stb_image.h>

#include "core/base/threads.h"

namespace factdeck::ui {

namespace {
// Decoded pictures waiting for their upload: the worker waits beyond this, so a burst of
// requests never holds more than a few decoded pictures in memory.
constexpr std::size_t kMaxDecodedWaiting = 2;
} // namespace

PictureCache::PictureCache(std::size_t budgetBytes, std::function<void()> wake)
    : m_budget(budgetBytes), m_wake(std::move(wake)) {}

PictureCache::~PictureCache() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_wakeWorker.notify_all();
  if (m_worker.joinable()) m_worker.join();
  for (auto& [file, entry] : m_entries)
    if (entry.texture != 0) glDeleteTextures(1, &entry.texture);
}

void PictureCache::Work() {
  for (;;) {
    std::string file;
    {
      std::unique_lock<std::mutex> lock(m_mutex);
      m_wakeWorker.wait(lock, [&] { return m_stop || (!m_queue.empty() && m_decoded.size() < kMaxDecodedWaiting); });
      if (m_stop) return;
      file = std::move(m_queue.front());
      m_queue.pop_front();
    }
    Decoded d;
    d.file = file;
    int channels = 0;
    if (unsigned char* pixels = stbi_load(file.c_str(), &d.width, &d.height, &channels, 4)) {
      d.rgba.assign(pixels, pixels + static_cast<std::size_t>(d.width) * static_cast<std::size_t>(d.height) * 4);
      stbi_image_free(pixels);
    } else {
      const char* reason = stbi_failure_reason();
      d.error = std::string("cannot be read") + (reason ? std::string(" (") + reason + ")" : "");
    }
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_decoded.push_back(std::move(d));
    }
    if (m_wake) m_wake();
  }
}

PictureCache::View PictureCache::Get(const std::string& file, int frame) {
  auto [it, added] = m_entries.try_emplace(file);
  Entry& e = it->second;
  e.lastDrawn = frame;
  if (added) {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_queue.push_back(file);
    }
    // The worker starts with the first picture: a window that shows none runs no extra thread.
    if (!m_worker.joinable())
      m_worker = std::thread([this] {
        NameThisThread("fd-pictures");
        Work();
      });
    m_wakeWorker.notify_one();
  }
  View v;
  v.loading = e.state == State::Queued;
  v.error = e.error;
  if (e.state == State::Ready) {
    v.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(e.texture));
    v.width = e.width;
    v.height = e.height;
  }
  return v;
}

bool PictureCache::Update(int frame, int maxUploads) {
  std::deque<Decoded> ready;
  bool pending = false;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    while (!m_decoded.empty() && static_cast<int>(ready.size()) < maxUploads) {
      ready.push_back(std::move(m_decoded.front()));
      m_decoded.pop_front();
    }
    pending = !m_queue.empty() || !m_decoded.empty();
  }
  if (!ready.empty()) m_wakeWorker.notify_one();
  for (Decoded& d : ready) {
    auto it = m_entries.find(d.file);
    if (it == m_entries.end()) continue; // freed while it was decoded
    Entry& e = it->second;
    if (!d.error.empty()) {
      e.state = State::Failed;
      e.error = d.error;
      continue;
    }
    GLint lastTexture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &lastTexture);
    glGenTextures(1, &e.texture);
    glBindTexture(GL_TEXTURE_2D, e.texture);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, d.width, d.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, d.rgba.data());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // Mipmaps: a large picture drawn small stays smooth.
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(lastTexture));
    e.state = State::Ready;
    e.width = d.width;
    e.height = d.height;
    e.bytes = static_cast<std::size_t>(d.width) * static_cast<std::size_t>(d.height) * 4 * 4 / 3;
    m_textureBytes += e.bytes;
  }
  // Over the budget: free the least recently drawn, never one drawn in this frame or the last.
  if (m_textureBytes > m_budget) {
    std::vector<std::pair<int, std::string>> byAge;
    for (const auto& [file, e] : m_entries)
      if (e.state != State::Queued && e.lastDrawn < frame - 1) byAge.emplace_back(e.lastDrawn, file);
    std::sort(byAge.begin(), byAge.end());
    for (const auto& [drawn, file] : byAge) {
      if (m_textureBytes <= m_budget) break;
      Entry& e = m_entries.at(file);
      if (e.texture != 0) glDeleteTextures(1, &e.texture);
      m_textureBytes -= e.bytes;
      m_entries.erase(file);
    }
  }
  return pending;
}

std::size_t PictureCache::Textures() const {
  return static_cast<std::size_t>(std::count_if(m_entries.begin(), m_entries.end(),
                                                [](const auto& entry) { return entry.second.state == State::Ready; }));
}

} // namespace factdeck::ui
