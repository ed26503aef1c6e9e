<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق بين المُعلِّمين</translation>
    </message>
    <message>
        <source>{0} documents · Krippendorff&apos;s alpha {1} · Fleiss&apos; kappa {2}
{3}</source>
        <translation>{0} مستند · ألفا كريبندورف {1} · كابا فلايس {2}
{3}</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>ألفا</translation>
    </message>
    <message>
        <source>exact F1</source>
        <translation>F1 المطابق</translation>
    </message>
    <message>
        <source>overlap F1</source>
        <translation>F1 بالتداخل</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>mean exact F1</source>
        <translation>متوسط F1 المطابق</translation>
    </message>
    <message>
        <source>disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>لماذا</translation>
    </message>
    <message>
        <source>boundary only</source>
        <translation>الحدود فقط</translation>
    </message>
    <message>
        <source>label only</source>
        <translation>الوسم فقط</translation>
    </message>
    <message>
        <source>boundary and label</source>
        <translation>الحدود والوسم</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>مقطع فائت</translation>
    </message>
    <message>
        <source>labels confused</source>
        <translation>وسوم ملتبسة</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>{0} → {1} → {2} (by {3})</source>
        <translation>{0} ← {1} ← {2} (بواسطة {3})</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backup failed: {0}</source>
        <translation>تعذّر النسخ الاحتياطي: {0}</translation>
    </message>
    <message>
        <source>This project has no backups yet.</source>
        <translation>لا توجد نسخ احتياطية لهذا المشروع بعد.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>النسخة الاحتياطية:</translation>
    </message>
    <message>
        <source>Restored; the state before is kept as {0}.</source>
        <translation>تمت الاستعادة؛ وحُفظت الحالة السابقة باسم {0}.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare annotators — {0}</source>
        <translation>مقارنة المُعلِّمين — {0}</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}, {3} not shared by all</source>
        <translation>{0} ({1}): {2}، منها {3} لا يشترك فيها الجميع</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{0}: Enter accepts, Backspace rejects, F3 moves on.</source>
        <translation>{0}: Enter للقبول، Backspace للرفض، F3 للانتقال.</translation>
    </message>
    <message>
        <source>Accepted {0} suggested as «{1}».</source>
        <translation>قُبل من اقتراحات «{1}»: {0}.</translation>
    </message>
    <message>
        <source>Other mentions of «{1}»: {0}. Ctrl+Shift+M labels them all.</source>
        <translation>إشارات أخرى إلى «{1}»: {0}. Ctrl+Shift+M يسمها كلها.</translation>
    </message>
    <message>
        <source>No other mentions to label.</source>
        <translation>لا إشارات أخرى للوسم.</translation>
    </message>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصاً أولاً ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <source>The selection has no letters to label.</source>
        <translation>لا يحتوي التحديد على حروف للوسم.</translation>
    </message>
    <message>
        <source>Select a span first (click it or press Tab), then the link key.</source>
        <translation>حدّد مقطعاً أولاً (انقره أو اضغط Tab) ثم مفتاح الربط.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>«{0}» links start at a «{1}» span, not at a «{2}».</source>
        <translation>روابط «{0}» تبدأ من مقطع «{1}»، لا من «{2}».</translation>
    </message>
    <message>
        <source>There is no «{0}» span to link to in this document.</source>
        <translation>لا يوجد في هذا المستند مقطع «{0}» للربط به.</translation>
    </message>
    <message>
        <source>Link «{0}»: arrows choose, Enter links, Esc cancels ({1}).</source>
        <translation>ربط «{0}»: الأسهم للاختيار، Enter للربط، Esc للإلغاء ({1}).</translation>
    </message>
    <message>
        <source>These two spans are already linked.</source>
        <translation>هذان المقطعان مرتبطان من قبل.</translation>
    </message>
    <message>
        <source>No relation goes from a {0} span to a {1} span.</source>
        <translation>لا توجد علاقة من مقطع {0} إلى مقطع {1}.</translation>
    </message>
    <message>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n spans</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>لا روابط</numerusform>
            <numerusform>رابط واحد</numerusform>
            <numerusform>رابطان</numerusform>
            <numerusform>%n روابط</numerusform>
            <numerusform>%n رابطًا</numerusform>
            <numerusform>%n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>لا مستندات</numerusform>
            <numerusform>مستند واحد</numerusform>
            <numerusform>مستندان</numerusform>
            <numerusform>%n مستندات</numerusform>
            <numerusform>%n مستندًا</numerusform>
            <numerusform>%n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>لا اقتراحات</numerusform>
            <numerusform>اقتراح واحد</numerusform>
            <numerusform>اقتراحان</numerusform>
            <numerusform>%n اقتراحات</numerusform>
            <numerusform>%n اقتراحًا</numerusform>
            <numerusform>%n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotators</source>
        <translation>
            <numerusform>لا مُعلِّمين</numerusform>
            <numerusform>مُعلِّم واحد</numerusform>
            <numerusform>مُعلِّمان</numerusform>
            <numerusform>%n مُعلِّمين</numerusform>
            <numerusform>%n مُعلِّمًا</numerusform>
            <numerusform>%n مُعلِّم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreements</source>
        <translation>
            <numerusform>لا خلافات</numerusform>
            <numerusform>خلاف واحد</numerusform>
            <numerusform>خلافان</numerusform>
            <numerusform>%n خلافات</numerusform>
            <numerusform>%n خلافًا</numerusform>
            <numerusform>%n خلاف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>لا أسطر</numerusform>
            <numerusform>سطر واحد</numerusform>
            <numerusform>سطران</numerusform>
            <numerusform>%n أسطر</numerusform>
            <numerusform>%n سطرًا</numerusform>
            <numerusform>%n سطر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارةً</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidates</source>
        <translation>
            <numerusform>لا مرشَّحين</numerusform>
            <numerusform>مرشَّح واحد</numerusform>
            <numerusform>مرشَّحان</numerusform>
            <numerusform>%n مرشَّحين</numerusform>
            <numerusform>%n مرشَّحًا</numerusform>
            <numerusform>%n مرشَّح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>لا طبقات</numerusform>
            <numerusform>طبقة واحدة</numerusform>
            <numerusform>طبقتان</numerusform>
            <numerusform>%n طبقات</numerusform>
            <numerusform>%n طبقةً</numerusform>
            <numerusform>%n طبقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>لا تعارضات</numerusform>
            <numerusform>تعارض واحد</numerusform>
            <numerusform>تعارضان</numerusform>
            <numerusform>%n تعارضات</numerusform>
            <numerusform>%n تعارضًا</numerusform>
            <numerusform>%n تعارض</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <source>No annotator has finished this document yet.</source>
        <translation>لم يُنهِ أي مُعلِّم هذا المستند بعد.</translation>
    </message>
    <message>
        <source>Accepted {0} and {1} into gold.</source>
        <translation>قُبل في الطبقة الذهبية: {0} و{1}.</translation>
    </message>
</context>
<context>
    <name>CurationPanel</name>
    <message>
        <source>Accept unanimous</source>
        <translation>قبول ما أجمع عليه الجميع</translation>
    </message>
    <message>
        <source>Accept majority</source>
        <translation>قبول ما اتفقت عليه الأغلبية</translation>
    </message>
    <message>
        <source>Enter accepts · Backspace rejects · E edits</source>
        <translation>Enter للقبول · Backspace للرفض · E للتعديل</translation>
    </message>
    <message>
        <source>Finished this document: {0}. Open: {1}. Gold has {2}.</source>
        <translation>أنهى هذا المستند: {0}. المفتوح: {1}. في الطبقة الذهبية: {2}.</translation>
    </message>
</context>
<context>
    <name>DocList</name>
    <message>
        <source>Find a document (ignores diacritics)</source>
        <translation>ابحث عن مستند (دون اعتبار للتشكيل)</translation>
    </message>
    <message>
        <source>Only my assigned documents</source>
        <translation>مستنداتي المسندة إليّ فقط</translation>
    </message>
</context>
<context>
    <name>DocumentFlow</name>
    <message>
        <source>This is the last document of the list.</source>
        <translation>هذا آخر مستند في القائمة.</translation>
    </message>
    <message>
        <source>This is the first document of the list.</source>
        <translation>هذا أول مستند في القائمة.</translation>
    </message>
    <message>
        <source>Open checklist items: {0}. Mark done again to finish this document anyway.</source>
        <translation>بنود مفتوحة في قائمة التحقق: {0}. علِّم المستند منجزاً مرة أخرى لإنهائه على أي حال.</translation>
    </message>
    <message>
        <source>Every document is done or skipped: {0} of {1}.</source>
        <translation>كل المستندات منجزة أو متخطاة: {0} من {1}.</translation>
    </message>
    <message>
        <source>{0} of {1} done</source>
        <translation>أُنجز {0} من {1}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export annotations</source>
        <translation>تصدير التعليقات</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>الطبقة الذهبية</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>الأغلبية</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>done only</source>
        <translation>المنتهية فقط</translation>
    </message>
    <message>
        <source>Replace an earlier export there</source>
        <translation>استبدال تصدير سابق في المكان نفسه</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>تصدير إلى</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
</context>
<context>
    <name>FindAllDialog</name>
    <message>
        <source>Find in all documents</source>
        <translation>بحث في كل الوثائق</translation>
    </message>
    <message>
        <source>Words to find in every document (diacritics and hamza forms ignored)</source>
        <translation>كلمات للبحث عنها في كل الوثائق (يُتجاهل التشكيل وصور الهمزة)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Type at least {0} letters to search every document.</source>
        <translation>اكتب {0} أحرف على الأقل للبحث في كل الوثائق.</translation>
    </message>
    <message>
        <source>No document contains this.</source>
        <translation>لا توجد وثيقة تحتوي على هذا.</translation>
    </message>
    <message>
        <source>More than {0} hits; the first {0} are listed: add words to narrow the search.</source>
        <translation>أكثر من {0} نتيجة؛ عُرضت أول {0}: أضف كلمات لتضييق البحث.</translation>
    </message>
    <message>
        <source>Hits: {0} · documents: {1}</source>
        <translation>النتائج: {0} · الوثائق: {1}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document (diacritics and hamza forms ignored)</source>
        <translation>بحث في هذه الوثيقة (يُتجاهل التشكيل وصور الهمزة)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>النتيجة التالية (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
</context>
<context>
    <name>Finder</name>
    <message>
        <source>Only diacritics: type letters</source>
        <translation>تشكيل فقط: اكتب حروفًا</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>لا نتيجة</translation>
    </message>
    <message>
        <source>{0} of the first {1} (more not shown)</source>
        <translation>{0} من أول {1} (والباقي غير معروض)</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>GuidelineDialog</name>
    <message>
        <source>Annotation guideline</source>
        <translation>دليل التعليم</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import articles</source>
        <translation>استيراد المقالات</translation>
    </message>
    <message>
        <source>Remove site debris (related articles, comment prompts, counters)</source>
        <translation>إزالة بقايا الموقع (مقالات ذات صلة، دعوات التعليق، العدادات)</translation>
    </message>
    <message>
        <source>Stop and import nothing</source>
        <translation>التوقف وعدم استيراد أي شيء</translation>
    </message>
    <message>
        <source>Replace it with the imported layer</source>
        <translation>استبدالها بالطبقة المستوردة</translation>
    </message>
    <message>
        <source>Keep the project&apos;s layer</source>
        <translation>الإبقاء على طبقة المشروع</translation>
    </message>
    <message>
        <source>When an annotator&apos;s layer is already in the project with other content:</source>
        <translation>إذا كانت طبقة المُعلِّق موجودة في المشروع بمحتوى مختلف:</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>Articles (*.txt *.csv *.jsonl *.json *.ann)</source>
        <translation>المقالات (*.txt *.csv *.jsonl *.json *.ann)</translation>
    </message>
    <message>
        <source>A folder of articles</source>
        <translation>مجلد مقالات</translation>
    </message>
    <message>
        <source>Preview shows .txt files.</source>
        <translation>تُعرض المعاينة لملفات ‎.txt فقط.</translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>السطر {0}: {1}</translation>
    </message>
    <message>
        <source>{0} will be cut (struck through); the original is kept.</source>
        <translation>سيُحذف ما عدده {0} (مشطوبة)؛ يُحفظ الأصل.</translation>
    </message>
    <message>
        <source>Add some files first.</source>
        <translation>أضف بعض الملفات أولاً.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>لم يُستورد شيء: {0}</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>unexpected error ({0}: {1})</source>
        <translation>خطأ غير متوقع ({0}: {1})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>{0} done…</source>
        <translation>أُنجز {0}…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Curation</source>
        <translation>التدقيق</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <source>Projects (*.db);;All files (*)</source>
        <translation>المشاريع (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>فتح مشروع</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Article font</source>
        <translation>خط المقال</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>حجم الخط</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>السمة</translation>
    </message>
    <message>
        <source>Key bindings</source>
        <translation>اختصارات المفاتيح</translation>
    </message>
    <message>
        <source>{0} is used by both “{1}” and “{2}”.</source>
        <translation>{0} مستخدم لكلٍّ من «{1}» و«{2}».</translation>
    </message>
    <message>
        <source>Your name cannot be empty.</source>
        <translation>لا يمكن أن يكون الاسم فارغاً.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>مسندة</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متروك</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>time (h:mm)</source>
        <translation>الوقت (س:دد)</translation>
    </message>
    <message>
        <source>spans per hour</source>
        <translation>مقاطع في الساعة</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>who is on it</source>
        <translation>من يعمل عليه</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>المُعلِّمون</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
</context>
<context>
    <name>ProjectJobs</name>
    <message>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <source>Annotators&apos; copies</source>
        <translation>نسخ المُعلِّمين</translation>
    </message>
    <message>
        <source>Projects (*.db)</source>
        <translation>المشاريع (*.db)</translation>
    </message>
    <message>
        <source>{0}: +{1}, {2}</source>
        <translation>{0}: +{1}، {2}</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The project was restored from a backup elsewhere; undo starts afresh.</source>
        <translation>استُعيد المشروع من نسخة احتياطية في مكان آخر؛ يبدأ سجل التراجع من جديد.</translation>
    </message>
    <message>
        <source>This document&apos;s text was imported again elsewhere; it is shown anew.</source>
        <translation>استُورد نص هذا المستند من جديد في مكان آخر؛ يُعرض الآن كما هو محفوظ.</translation>
    </message>
    <message>
        <source>This project is read-only: changes cannot be saved.</source>
        <translation>هذا المشروع للقراءة فقط: لا يمكن حفظ التغييرات.</translation>
    </message>
    <message>
        <source>That span is already labelled {0}.</source>
        <translation>هذا المقطع موسوم مسبقاً بـ {0}.</translation>
    </message>
    <message>
        <source>Nothing to undo since this window opened: undo covers this session only; earlier edits are saved and stay.</source>
        <translation>لا شيء للتراجع عنه منذ فتح هذه النافذة: التراجع يشمل هذه الجلسة وحدها؛ تعديلات الجلسات السابقة محفوظة وباقية.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>لا شيء لإعادته.</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>تعذّر التراجع</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>تعذّرت الإعادة</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
</context>
<context>
    <name>SpanPanel</name>
    <message>
        <source>Checklist: {0} open</source>
        <translation>قائمة المراجعة: {0} مفتوحة</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… و{0} أخرى</translation>
    </message>
    <message>
        <source>{0} «{1}» has no speaker</source>
        <translation>{0} «{1}» بلا متحدث</translation>
    </message>
    <message>
        <source>{0} «{1}» has no holder</source>
        <translation>{0} «{1}» بلا صاحب موقف</translation>
    </message>
    <message>
        <source>{0} «{1}» has no target</source>
        <translation>{0} «{1}» بلا موضوع</translation>
    </message>
    <message>
        <source>{0} «{1}» has no participant</source>
        <translation>{0} «{1}» بلا مشاركين</translation>
    </message>
    <message>
        <source>{0} «{1}» has no {2} link</source>
        <translation>{0} «{1}» بلا رابط {2}</translation>
    </message>
    <message>
        <source>Links of the selected span: {0}</source>
        <translation>روابط المقطع المحدد: {0}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Lead {0}: curating gold</source>
        <translation>المشرف {0}: تدقيق الطبقة الذهبية</translation>
    </message>
    <message>
        <source>Annotator: {0}</source>
        <translation>المُعلِّم: {0}</translation>
    </message>
    <message>
        <source>  —  READ-ONLY: changes are not saved</source>
        <translation>  —  للقراءة فقط: لن تُحفظ التغييرات</translation>
    </message>
    <message>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <source> · {0}: press {1} to review</source>
        <translation> · {0}: اضغط {1} للمراجعة</translation>
    </message>
    <message>
        <source>{0} also has this document open in another window: its changes show here, and an edit of a span changed there is refused.</source>
        <translation>{0} يفتح هذا المستند في نافذة أخرى أيضًا: تظهر تغييراتها هنا، ويُرفض تعديل مقطع غُيّر هناك.</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Imported {0}.</source>
        <translation>استُورد: {0}.</translation>
    </message>
    <message>
        <source>Exported {0} and {1}.</source>
        <translation>صُدِّر: {0} و{1}.</translation>
    </message>
    <message>
        <source>Fewer than two layers on this document: nothing to compare.</source>
        <translation>أقل من طبقتين في هذا المستند: لا شيء للمقارنة.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Undo the last edit made since this window opened (earlier sessions&apos; edits stay saved)</source>
        <translation>التراجع عن آخر تعديل منذ فتح هذه النافذة (تعديلات الجلسات السابقة تبقى محفوظة)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <source>Remove the selected span</source>
        <translation>إزالة المقطع المحدد</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>تعليم كمنتهٍ</translation>
    </message>
    <message>
        <source>This document is finished: open the next one still to do</source>
        <translation>انتهى هذا المستند: افتح التالي مما بقي للعمل</translation>
    </message>
    <message>
        <source>Mark skipped</source>
        <translation>تعليم كمتروك</translation>
    </message>
    <message>
        <source>Skip this document and open the next</source>
        <translation>تخطَّ هذا المستند وافتح التالي</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <source>Set attributes…</source>
        <translation>تعيين الخصائص…</translation>
    </message>
    <message>
        <source>Choose attribute values</source>
        <translation>اختيار قيم الخصائص</translation>
    </message>
    <message>
        <source>Relation arcs: all, the selected span&apos;s, none</source>
        <translation>أقواس العلاقات: كلها، علاقات المقطع المحدد، لا شيء</translation>
    </message>
    <message>
        <source>Cycle which relations are drawn as arcs over the text</source>
        <translation>التبديل بين العلاقات المرسومة أقواسًا فوق النص</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>كلمات كاملة</translation>
    </message>
    <message>
        <source>Extend selections to whole words (hold Alt with a label key for letters)</source>
        <translation>توسيع التحديد إلى كلمات كاملة (اضغط Alt مع مفتاح الوسم لتحديد الحروف)</translation>
    </message>
    <message>
        <source>Find document</source>
        <translation>البحث عن مستند</translation>
    </message>
    <message>
        <source>Find in this document…</source>
        <translation>بحث في هذه الوثيقة…</translation>
    </message>
    <message>
        <source>Diacritics, tatweel and hamza forms ignored; F3 moves, Enter selects the hit, Esc closes</source>
        <translation>يُتجاهل التشكيل والتطويل وصور الهمزة؛ F3 للتنقل، وEnter لتحديد النتيجة، وEsc للإغلاق</translation>
    </message>
    <message>
        <source>Find in all documents…</source>
        <translation>بحث في كل الوثائق…</translation>
    </message>
    <message>
        <source>Every hit in the project with the words around it; Enter opens one</source>
        <translation>كل نتيجة في المشروع مع الكلمات المحيطة بها؛ Enter يفتحها</translation>
    </message>
    <message>
        <source>Show suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <source>Suggested spans, dashed: Enter accepts, Backspace rejects, F3 moves on</source>
        <translation>مقاطع مقترحة بخط متقطع: Enter للقبول، Backspace للرفض، F3 للتالي</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Accept the highlighted suggestion (or, in lead mode, curation candidate)</source>
        <translation>قبول الاقتراح المظلَّل (أو، في وضع المشرف، المرشَّح المظلَّل للطبقة المرجعية)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Reject the highlighted suggestion (or, in lead mode, curation candidate)</source>
        <translation>رفض الاقتراح المظلَّل (أو، في وضع المشرف، المرشَّح المظلَّل للطبقة المرجعية)</translation>
    </message>
    <message>
        <source>Next find hit (find bar open) or suggestion</source>
        <translation>نتيجة البحث التالية (وشريط البحث مفتوح) أو الاقتراح التالي</translation>
    </message>
    <message>
        <source>While the find bar is open F3 follows its hits; otherwise the suggestions</source>
        <translation>ما دام شريط البحث مفتوحًا ينتقل F3 بين نتائجه، وإلا فبين الاقتراحات</translation>
    </message>
    <message>
        <source>Previous find hit (find bar open) or suggestion</source>
        <translation>نتيجة البحث السابقة (وشريط البحث مفتوح) أو الاقتراح السابق</translation>
    </message>
    <message>
        <source>While the find bar is open Shift+F3 follows its hits; otherwise the suggestions</source>
        <translation>ما دام شريط البحث مفتوحًا ينتقل Shift+F3 بين نتائجه، وإلا فبين الاقتراحات</translation>
    </message>
    <message>
        <source>Label the other mentions</source>
        <translation>وسم الإشارات الأخرى</translation>
    </message>
    <message>
        <source>Lead mode: curate the gold layer</source>
        <translation>وضع المشرف: تدقيق الطبقة الذهبية</translation>
    </message>
    <message>
        <source>Show the gold layer and the annotators&apos; open disagreements</source>
        <translation>إظهار الطبقة الذهبية والخلافات المفتوحة بين المُعلِّمين</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>الاتفاق بين المُعلِّمين…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>التقدّم…</translation>
    </message>
    <message>
        <source>Who did what, for how long</source>
        <translation>من عمل ماذا، وكم من الوقت</translation>
    </message>
    <message>
        <source>Compare annotators side by side</source>
        <translation>مقارنة المُعلِّمين جنباً إلى جنب</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Export annotations…</source>
        <translation>تصدير التعليقات…</translation>
    </message>
    <message>
        <source>Merge annotators&apos; copies…</source>
        <translation>دمج نسخ المُعلِّمين…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>التفضيلات…</translation>
    </message>
    <message>
        <source>Annotation guideline</source>
        <translation>دليل التعليم</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>ال&amp;مستند</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>الم&amp;شرف</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>{0} (exact letters)</source>
        <translation>{0} (الحروف كما حُدِّدت)</translation>
    </message>
    <message>
        <source>Accept every suggested span of this label</source>
        <translation>قبول كل المقاطع المقترحة بهذا الوسم</translation>
    </message>
</context>
<context>
    <name>errorhook</name>
    <message>
        <source>Something went wrong and the last action may not have finished. Your saved work is safe. The details are in {0}; please send that file with a report.</source>
        <translation>حدث خطأ وربما لم يكتمل الإجراء الأخير. عملك المحفوظ سليم. التفاصيل في {0}؛ يُرجى إرسال هذا الملف مع البلاغ.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>a span cannot be linked to itself</source>
        <translation>لا يمكن ربط المقطع بنفسه</translation>
    </message>
    <message>
        <source>a span of this {relation} link was deleted elsewhere (another window or program); nothing was changed</source>
        <translation>حُذف أحد مقطعي رابط «{relation}» في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>both ends of a relation must be in the same layer of one document</source>
        <translation>يجب أن يكون طرفا الرابط في الطبقة نفسها من مستند واحد</translation>
    </message>
    <message>
        <source>cannot relabel: the span is linked ({problem})</source>
        <translation>تعذّر تغيير الوسم: المقطع مربوط ({problem})</translation>
    </message>
    <message>
        <source>span {span} no longer exists</source>
        <translation>المقطع {span} لم يعد موجوداً</translation>
    </message>
    <message>
        <source>the annotator name is empty</source>
        <translation>اسم المُعلِّم فارغ</translation>
    </message>
    <message>
        <source>the project file refused the change ({why}); nothing was saved</source>
        <translation>رفض ملف المشروع التغيير ({why})؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>the schema has no relation {relation!r}</source>
        <translation>لا يحتوي المخطط على الرابط {relation!r}</translation>
    </message>
    <message>
        <source>the text of document {doc} was replaced elsewhere (imported again) and no longer reads «{text}» there; nothing was changed: open the document again</source>
        <translation>استُبدل نص المستند {doc} في مكان آخر (استُورد من جديد) ولم يعد فيه «{text}» هناك؛ لم يتغير شيء: افتح المستند من جديد</translation>
    </message>
    <message>
        <source>the {label} span «{text}» cannot come back: its place was taken elsewhere (another window or program); nothing was changed</source>
        <translation>لا يمكن إرجاع مقطع «{label}» «{text}»: شغل مكانَه مقطعٌ آخر في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the {label} span «{text}» was changed elsewhere (another window or program); nothing was changed</source>
        <translation>عُدِّل مقطع «{label}» «{text}» في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the {label} span «{text}» was deleted elsewhere (another window or program); nothing was changed</source>
        <translation>حُذف مقطع «{label}» «{text}» في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the {label} span «{text}» was labelled elsewhere already (another window or program); nothing was changed</source>
        <translation>وُسم مقطع «{label}» «{text}» في مكان آخر من قبل (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>the {relation} link was removed elsewhere (another window or program); nothing was changed</source>
        <translation>أُزيل رابط «{relation}» في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>these spans are already linked by {relation}</source>
        <translation>هذان المقطعان مربوطان أصلاً برابط «{relation}»</translation>
    </message>
    <message>
        <source>this annotation has not been saved yet</source>
        <translation>لم يُحفظ هذا الوسم بعد</translation>
    </message>
    <message>
        <source>unknown edit {edit}</source>
        <translation>تعديل غير معروف {edit}</translation>
    </message>
    <message>
        <source>work time cannot be negative</source>
        <translation>لا يمكن أن يكون وقت العمل سالباً</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or open it instead</source>
        <translation>{path} موجود أصلاً؛ اختر اسماً آخر أو افتحه بدلاً من ذلك</translation>
    </message>
    <message>
        <source>{path} cannot be created ({why})</source>
        <translation>تعذّر إنشاء {path} ({why})</translation>
    </message>
    <message>
        <source>{path} cannot be opened (check that the folder exists and is writable)</source>
        <translation>تعذّر فتح {path} (تحقق من أن المجلد موجود وتمكن الكتابة فيه)</translation>
    </message>
    <message>
        <source>{path} cannot be read ({why})</source>
        <translation>تعذّرت قراءة {path} ({why})</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} غير موجود</translation>
    </message>
    <message>
        <source>{path} does not exist (create it with: annotator init {path})</source>
        <translation>{path} غير موجود (أنشئه بالأمر: annotator init {path})</translation>
    </message>
    <message>
        <source>{path} has no document {ref!r}</source>
        <translation>لا يحتوي {path} على المستند {ref!r}</translation>
    </message>
    <message>
        <source>{path} is busy: another program is writing to it; try again in a moment</source>
        <translation>{path} مشغول: برنامج آخر يكتب فيه؛ أعد المحاولة بعد لحظة</translation>
    </message>
    <message>
        <source>{path} is damaged (cut short or corrupted) and cannot be read; restore a backup of it ({command} lists them)</source>
        <translation>{path} تالف (مقطوع أو معطوب) ولا يمكن قراءته؛ استرجع نسخة احتياطية منه (يسردها الأمر {command})</translation>
    </message>
    <message>
        <source>{path} is damaged: it has no documents table</source>
        <translation>{path} تالف: لا يحتوي على جدول المستندات</translation>
    </message>
    <message>
        <source>{path} is in a read-only folder beside a write-ahead log ({name}-wal) that cannot be read there; open it where it can be written once</source>
        <translation>{path} في مجلد للقراءة فقط بجانب سجل كتابة مسبقة ({name}-wal) لا يمكن قراءته هناك؛ افتحه مرة في مكان تمكن الكتابة فيه</translation>
    </message>
    <message>
        <source>{path} is not an annotator project (it is not an SQLite database)</source>
        <translation>{path} ليس مشروع annotator (ليس قاعدة بيانات SQLite)</translation>
    </message>
    <message>
        <source>{path} is read-only here: changes cannot be saved</source>
        <translation>{path} للقراءة فقط هنا: لا يمكن حفظ التغييرات</translation>
    </message>
    <message>
        <source>{path} needs an upgrade but is read-only; make it writable</source>
        <translation>{path} يحتاج إلى ترقية لكنه للقراءة فقط؛ اجعله قابلاً للكتابة</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of annotator (it has {newest}); update annotator {version} to open it</source>
        <translation>كُتب {path} بإصدار أحدث من annotator (فيه {newest})؛ حدِّث annotator {version} لفتحه</translation>
    </message>
    <message>
        <source>{path}: the disk is full; free some space and try again</source>
        <translation>{path}: القرص ممتلئ؛ أفرغ بعض المساحة وأعد المحاولة</translation>
    </message>
    <message>
        <source>{path}: the project file could not be used ({why})</source>
        <translation>{path}: تعذّر استخدام ملف المشروع ({why})</translation>
    </message>
    <message>
        <source>{relation} goes from {heads} to {children}, not from {head} to {child}</source>
        <translation>رابط «{relation}» يصل {heads} بـ{children}، لا «{head}» بـ«{child}»</translation>
    </message>
    <message>
        <source>{source} is not a backup of {project} (it does not say which project it is of); nothing was restored (to replace {name} with it all the same, add --another-project)</source>
        <translation>{source} ليس نسخة احتياطية من {project} (لا يذكر لأي مشروع هو)؛ لم يُسترجع شيء (لاستبدال {name} به مع ذلك أضف ‎--another-project)</translation>
    </message>
    <message>
        <source>{source} is not a backup of {project} (it is another project&apos;s file); nothing was restored (to replace {name} with it all the same, add --another-project)</source>
        <translation>{source} ليس نسخة احتياطية من {project} (إنه ملف مشروع آخر)؛ لم يُسترجع شيء (لاستبدال {name} به مع ذلك أضف ‎--another-project)</translation>
    </message>
</context>
<context>
    <name>headers</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>to do</source>
        <translation>للعمل</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متروك</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Backup failed: {0}</source>
        <translation>تعذّر النسخ الاحتياطي: {0}</translation>
    </message>
</context>
</TS>
