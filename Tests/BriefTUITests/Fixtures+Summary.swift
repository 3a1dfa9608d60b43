import BriefStore
import Foundation

extension StorySummary {
    /// A copy with a different read time.
    func with(readAt: Date?) -> StorySummary {
        var copy = self
        copy.readAt = readAt
        return copy
    }
}

/// Builds plain list rows for tests that need many stories.
enum BriefStoreSummary {
    static func make(id: Int64, title: String, read: Bool = false) -> StorySummary {
        StorySummary(id: id, title: title, source: "Wire Feed", published: nil,
                     importedAt: Date(timeIntervalSince1970: 1_793_491_200), readAt: read ? Date(timeIntervalSince1970: 1_793_491_200) : nil)
    }
}
