// Placeholder until BriefStoreTests has its first test file.
