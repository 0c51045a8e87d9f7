/**
 * Built-in strings: English, Simplified Chinese and Arabic (right-to-left). Every key can
 * be overridden per locale with the `strings` option; `{done}` and `{total}` are filled in.
 */
const en = {
  'checklist.progress': '{done} of {total} steps done',
  'checklist.minimise': 'Minimise checklist',
  'checklist.dismiss': 'Dismiss checklist',
  'checklist.start': 'Start',
  'checklist.markDone': 'Mark as done',
  'checklist.done': 'Done',
  'checklist.todo': 'To do',
  'checklist.complete': 'All done!',
  'checklist.completeBody': 'You finished every step. Nice work.',
  'checklist.close': 'Close',
  'survey.dismiss': 'Dismiss survey',
  'survey.send': 'Send',
  'survey.close': 'Close',
  'survey.optional': '(optional)',
  'survey.thankYou': 'Thank you for your feedback!',
  'nps.question': 'How likely are you to recommend us to a friend or colleague?',
  'nps.low': 'Not at all likely',
  'nps.high': 'Extremely likely',
  'csat.question': 'How satisfied are you with your experience so far?',
  'csat.low': 'Very unsatisfied',
  'csat.high': 'Very satisfied',
  'ces.question': 'How easy was it to get done what you wanted?',
  'ces.low': 'Very difficult',
  'ces.high': 'Very easy',
  'followUp.detractor': 'Sorry to hear that. What could we do better?',
  'followUp.passive': 'Thanks! What would make it even better?',
  'followUp.promoter': 'Great to hear! What do you like most?',
};

/** A key of the widgets' strings. */
export type StringKey = keyof typeof en;

const zhCN = [
  '已完成 {done}/{total} 步',
  '最小化清单',
  '关闭清单',
  '开始',
  '标记为完成',
  '已完成',
  '未完成',
  '全部完成！',
  '您已完成所有步骤，干得好。',
  '关闭',
  '关闭调查',
  '提交',
  '关闭',
  '（选填）',
  '感谢您的反馈！',
  '您有多大可能向朋友或同事推荐我们？',
  '完全不可能',
  '极有可能',
  '您对目前的使用体验满意吗？',
  '非常不满意',
  '非常满意',
  '完成您想做的事情有多容易？',
  '非常困难',
  '非常容易',
  '很抱歉。我们可以在哪些方面做得更好？',
  '谢谢！怎样才能让它更好？',
  '太好了！您最喜欢哪一点？',
];

const ar = [
  'تم إنجاز {done} من {total} خطوات',
  'تصغير القائمة',
  'إغلاق القائمة',
  'ابدأ',
  'تحديد كمكتمل',
  'مكتمل',
  'غير مكتمل',
  'اكتمل كل شيء!',
  'لقد أنهيت جميع الخطوات. عمل رائع.',
  'إغلاق',
  'إغلاق الاستبيان',
  'إرسال',
  'إغلاق',
  '(اختياري)',
  'شكرًا لك على ملاحظاتك!',
  'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
  'غير محتمل إطلاقًا',
  'محتمل للغاية',
  'ما مدى رضاك عن تجربتك حتى الآن؟',
  'غير راضٍ إطلاقًا',
  'راضٍ جدًا',
  'ما مدى سهولة إنجاز ما أردت القيام به؟',
  'صعب جدًا',
  'سهل جدًا',
  'نأسف لذلك. ما الذي يمكننا تحسينه؟',
  'شكرًا! ما الذي سيجعل تجربتك أفضل؟',
  'يسعدنا ذلك! ما أكثر ما يعجبك؟',
];

// The other tables list their values in the order of the English keys: the bundle carries
// the keys once (saves ~150 bytes gzip of the 16 KB budget).
const keys = Object.keys(en) as StringKey[];
const table = (values: string[]) => Object.fromEntries(keys.map((key, i) => [key, values[i]!])) as Record<StringKey, string>;

/** The built-in string tables by locale. */
export const DEFAULT_STRINGS: Readonly<Record<string, Record<StringKey, string>>> = { en, 'zh-CN': table(zhCN), ar: table(ar) };
