// Format names per command, kept apart from the formatter modules so that --help does not load them.
export const VALIDATE_FORMAT_NAMES = ['stylish', 'json', 'junit', 'sarif', 'github', 'markdown'] as const;
export const REPORT_FORMAT_NAMES = ['table', 'markdown', 'json', 'csv'] as const;
