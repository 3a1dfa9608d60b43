// Placeholder until BriefTUITests has its first test file.
