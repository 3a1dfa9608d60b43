import ArgumentParser

/// The state `brief mark` sets.
enum ReadState: String, ExpressibleByArgument, CaseIterable {
    case read
    case unread
}
