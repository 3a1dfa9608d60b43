import BriefModel
import Foundation

/// The line under a story's headline: its places, its agency and its day, e.g.
/// `REYKJAVIK · Brief Wire · 2026-11-28` (the day of publication, or `undated`: never the import day).
enum StoryDateline {
    static func text(_ dateline: Dateline?, date: Date?) -> String {
        var parts: [String] = []
        if let places = dateline?.places, !places.isEmpty { parts.append(places.joined(separator: " · ")) }
        if let agency = dateline?.agency, !agency.isEmpty { parts.append(agency) }
        parts.append(date.map(StoryDates.format) ?? "undated")
        return parts.joined(separator: " · ")
    }
}
