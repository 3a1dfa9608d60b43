// Placeholder until the BriefTUI layer lands; replaced by its first real file.
