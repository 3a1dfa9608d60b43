// Placeholder until BriefModelTests has its first test file.
