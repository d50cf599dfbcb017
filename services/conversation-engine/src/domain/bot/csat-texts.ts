/**
 * The satisfaction survey's wording (issue 15), merged into DEFAULT_TEXTS: a school rewords it through
 * admin-api (stored in bot_texts like every other text) and these are the fallback. Rating titles fit a list
 * row (24 characters); they are clipped otherwise.
 */
export const CSAT_DEFAULT_TEXTS = {
  'csat.question': 'How did your chat with our team go? Tap *Rate* and choose an answer.',
  'csat.button': 'Rate',
  'csat.rating_5': 'Excellent',
  'csat.rating_4': 'Good',
  'csat.rating_3': 'OK',
  'csat.rating_2': 'Poor',
  'csat.rating_1': 'Very poor',
  'csat.comment_prompt': 'Thank you! If you would like to tell us more, write it in your next message.',
  'csat.thanks': 'Thank you for your comment.',
} as const;
