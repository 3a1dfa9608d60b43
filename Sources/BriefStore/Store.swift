import BriefModel
import Foundation

/// The cache façade: the only type that writes. SCAFFOLD: the store helper replaces this file;
/// the signatures below are the contract the CLI and TUI code against.
public final class Store: Sendable {
    /// Opens (creating and migrating if needed) the cache at `path`.
    public init(path: String) throws {}

    /// A store in memory, for unit tests.
    public static func inMemory() throws -> Store { try Store(path: ":memory:") }

    /// Story list rows, newest first (published date; undated stories by import time).
    public func summaries(unreadOnly: Bool = false) throws -> [StorySummary] { [] }

    /// One story with its sections, quotes, mentions and entities, or nil if there is no such id.
    public func story(id: Int64) throws -> StoredStory? { nil }

    /// Marks stories read (sets `read_at` to now) or unread (clears it).
    public func setRead(_ read: Bool, ids: [Int64]) throws {}

    /// Marks every unread story read; returns the ids it changed (for undo).
    public func markAllRead() throws -> [Int64] { [] }

    /// Number of stories, or of unread stories.
    public func count(unreadOnly: Bool = false) throws -> Int { 0 }
}
