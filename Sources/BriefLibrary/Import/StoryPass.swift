import BriefStore

/// A pass over stored stories one at a time (re-sectioning, re-annotation): each story's update is its own
/// transaction, so a pass killed at any moment can simply be run again; a story removed meanwhile is passed over,
/// and one whose text in the cache is damaged is left as it is and named in the outcome.
enum StoryPass {
    /// Calls `update` for each id in order and `progress(done, total)` after each; returns how many were updated
    /// (`update` returns false, or throws `StoreError.noSuchStory`, for a story that is gone) and which could not
    /// be read (`update` throws `StoreError.damagedStory`).
    static func run(_ ids: [Int64], progress: (Int, Int) -> Void,
                    update: (Int64) throws -> Bool) throws -> StoryPassOutcome {
        var outcome = StoryPassOutcome()
        for (index, id) in ids.enumerated() {
            defer { progress(index + 1, ids.count) }
            do {
                if try update(id) { outcome.updated += 1 }
            } catch StoreError.noSuchStory {
                continue
            } catch StoreError.damagedStory(let damaged) {
                outcome.damaged.append(damaged)
            }
        }
        return outcome
    }
}
