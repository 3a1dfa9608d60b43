import BriefStore

/// A pass over stored stories one at a time (re-sectioning, re-annotation): each story's update is its own
/// transaction, so a pass killed at any moment can simply be run again; a story removed meanwhile, or one whose
/// text in the cache is damaged, is passed over and left as it is.
enum StoryPass {
    /// Calls `update` for each id in order and `progress(done, total)` after each; returns how many were updated
    /// (`update` returns false, or throws `StoreError.noSuchStory`, for a story that is gone; `damagedStory` for one
    /// it cannot read).
    static func run(_ ids: [Int64], progress: (Int, Int) -> Void, update: (Int64) throws -> Bool) throws -> Int {
        var done = 0
        for (index, id) in ids.enumerated() {
            defer { progress(index + 1, ids.count) }
            do {
                if try update(id) { done += 1 }
            } catch StoreError.noSuchStory {
                continue
            } catch StoreError.damagedStory {
                continue
            }
        }
        return done
    }
}
