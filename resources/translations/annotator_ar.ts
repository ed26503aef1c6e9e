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
        <source>{0} · Krippendorff&apos;s alpha {1} · Fleiss&apos; kappa {2}
{3}</source>
        <translation>{0} · ألفا كريبندورف {1} · كابا فلايس {2}
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
    <name>ArcToggle</name>
    <message>
        <source>Arcs: all relations; R shows only the selected span&apos;s.</source>
        <translation>الأقواس: كل العلاقات؛ يُظهر R علاقات المقطع المحدد وحدها.</translation>
    </message>
    <message>
        <source>Arcs: only the selected span&apos;s relations; R hides them all.</source>
        <translation>الأقواس: علاقات المقطع المحدد وحدها؛ يخفيها R كلها.</translation>
    </message>
    <message>
        <source>Arcs: hidden; R shows all relations.</source>
        <translation>الأقواس: مخفية؛ يُظهر R كل العلاقات.</translation>
    </message>
    <message>
        <source>This document has {0}: only the selected span&apos;s arcs are drawn; R hides them all.</source>
        <translation>في هذا المستند {0}: لا تُرسم إلا أقواس المقطع المحدد؛ يخفيها R كلها.</translation>
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
        <source>when the project was opened</source>
        <translation>عند فتح المشروع</translation>
    </message>
    <message>
        <source>before a restore (the state it replaced)</source>
        <translation>قبل استعادة (الحالة التي حلّت محلها)</translation>
    </message>
    <message>
        <source>while working (every {0})</source>
        <translation>في أثناء العمل (كل {0})</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
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
        <source>Nothing to step through: F3 moves between find hits (Ctrl+F) and suggestions under review (S).</source>
        <translation>لا شيء للتنقل بينه: ينتقل F3 بين نتائج البحث (Ctrl+F) والاقتراحات قيد المراجعة (S).</translation>
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
    <message numerus="yes">
        <source>%n hits</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجةً</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open items</source>
        <translation>
            <numerusform>لا بنود مفتوحة</numerusform>
            <numerusform>بند واحد مفتوح</numerusform>
            <numerusform>بندان مفتوحان</numerusform>
            <numerusform>%n بنود مفتوحة</numerusform>
            <numerusform>%n بندًا مفتوحًا</numerusform>
            <numerusform>%n بند مفتوح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more items</source>
        <translation>
            <numerusform>لا بنود أخرى</numerusform>
            <numerusform>بند آخر</numerusform>
            <numerusform>بندان آخران</numerusform>
            <numerusform>%n بنود أخرى</numerusform>
            <numerusform>%n بندًا آخر</numerusform>
            <numerusform>%n بند آخر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>لا دقائق</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقةً</numerusform>
            <numerusform>%n دقيقة</numerusform>
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
        <source>The checklist has {0}. Mark done again to finish this document anyway.</source>
        <translation>في قائمة المراجعة {0}. علِّم المستند منجزاً مرة أخرى لإنهائه على أي حال.</translation>
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
        <translation>بحث في كل المستندات</translation>
    </message>
    <message>
        <source>Words to find in every document (diacritics and hamza forms ignored)</source>
        <translation>كلمات للبحث عنها في كل المستندات (يُتجاهل التشكيل وصور الهمزة)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
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
        <source>Preparing {0} for searching…</source>
        <translation>جارٍ تجهيز {0} للبحث…</translation>
    </message>
    <message>
        <source>The search ignores diacritics and tatweel: type letters.</source>
        <translation>البحث يتجاهل التشكيل والتطويل: اكتب حروفًا.</translation>
    </message>
    <message numerus="yes">
        <source>More than %n hits; the first %n are listed: add words to narrow the search.</source>
        <translation>
            <numerusform>أكثر من %n نتيجة؛ عُرضت أول %n: أضف كلمات لتضييق البحث.</numerusform>
            <numerusform>أكثر من نتيجة واحدة؛ عُرضت الأولى: أضف كلمات لتضييق البحث.</numerusform>
            <numerusform>أكثر من نتيجتين؛ عُرضت الأوليان: أضف كلمات لتضييق البحث.</numerusform>
            <numerusform>أكثر من %n نتائج؛ عُرضت أول %n: أضف كلمات لتضييق البحث.</numerusform>
            <numerusform>أكثر من %n نتيجةً؛ عُرضت أول %n: أضف كلمات لتضييق البحث.</numerusform>
            <numerusform>أكثر من %n نتيجة؛ عُرضت أول %n: أضف كلمات لتضييق البحث.</numerusform>
        </translation>
    </message>
    <message>
        <source>No document contains this.</source>
        <translation>لا يوجد مستند يحتوي على هذا.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document (diacritics and hamza forms ignored)</source>
        <translation>بحث في هذا المستند (يُتجاهل التشكيل وصور الهمزة)</translation>
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
        <source>The search ignores diacritics and tatweel: type letters.</source>
        <translation>البحث يتجاهل التشكيل والتطويل: اكتب حروفًا.</translation>
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
        <source>Remove from the list</source>
        <translation>أزل من القائمة</translation>
    </message>
    <message>
        <source>Takes the selected file off the list (Delete)</source>
        <translation>يزيل الملف المحدد من القائمة، ويبقى الملف نفسه (Delete)</translation>
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
        <source>{0} cannot be read ({1})</source>
        <translation>تعذّرت قراءة {0} ({1})</translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>السطر {0}: {1}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{0} will be cut (struck through); the original is kept.</source>
        <translation>سيُحذف {0} (يظهر مشطوبًا)؛ يُحفظ الأصل.</translation>
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
    <name>Launch</name>
    <message>
        <source>Your name (stored with every annotation you make):</source>
        <translation>اسمك (يُحفظ مع كل وسم تضعه):</translation>
    </message>
</context>
<context>
    <name>Linking</name>
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
        <source>{0} → {1} → {2}</source>
        <translation>{0} ← {1} ← {2}</translation>
    </message>
    <message>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>مجلّد</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>مجلّد ملفّات</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملفّ</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>ملفّ %1</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>الحاسوب</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ا&amp;عثر في:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>الملفّات من ال&amp;نّوع:</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>{0} was removed or replaced by another program while this window had it open: changes made here can no longer be saved. Close this window and open the project again.</source>
        <translation>أزال برنامجٌ آخر الملف {0} أو استبدل به غيره وهو مفتوح في هذه النافذة: لم يعد من الممكن حفظ التغييرات هنا. أغلق هذه النافذة وافتح المشروع من جديد.</translation>
    </message>
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
        <source>Nothing to undo since the restore from a backup: earlier edits are in the backup made before it.</source>
        <translation>لا شيء للتراجع عنه منذ الاستعادة من نسخة احتياطية: التعديلات السابقة محفوظة في النسخة الاحتياطية المأخوذة قبلها.</translation>
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
        <source>Cannot undo, step dropped</source>
        <translation>تعذّر التراجع وأُسقطت الخطوة</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>تعذّرت الإعادة</translation>
    </message>
    <message>
        <source>Cannot redo, step dropped</source>
        <translation>تعذّرت الإعادة وأُسقطت الخطوة</translation>
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
        <source>Checklist: {0}</source>
        <translation>قائمة المراجعة: {0}</translation>
    </message>
    <message>
        <source>… and {0}</source>
        <translation>… و{0}</translation>
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
        <translation>هذا المستند مفتوح لـ{0} في نافذة أخرى أيضًا: تظهر هنا تغييرات تلك النافذة، ويُرفض هنا تعديل مقطع غُيّر هناك.</translation>
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
        <translation>بحث في هذا المستند…</translation>
    </message>
    <message>
        <source>Diacritics, tatweel and hamza forms ignored; F3 moves, Enter selects the hit, Esc closes</source>
        <translation>يُتجاهل التشكيل والتطويل وصور الهمزة؛ F3 للتنقل، وEnter لتحديد النتيجة، وEsc للإغلاق</translation>
    </message>
    <message>
        <source>Find in all documents…</source>
        <translation>بحث في كل المستندات…</translation>
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
        <source>&apos;annotations&apos; must be a list</source>
        <translation>يجب أن تكون &apos;annotations&apos; قائمة</translation>
    </message>
    <message>
        <source>&apos;annotator&apos; must be a string</source>
        <translation>يجب أن يكون &apos;annotator&apos; نصاً</translation>
    </message>
    <message>
        <source>&apos;entities&apos; must be a list of objects</source>
        <translation>يجب أن يكون &apos;entities&apos; قائمة من الكائنات</translation>
    </message>
    <message>
        <source>&apos;format_version&apos; must be a whole number (1 or more), not {value}</source>
        <translation>يجب أن يكون &apos;format_version&apos; عددًا صحيحًا (1 أو أكثر)، لا {value}</translation>
    </message>
    <message>
        <source>&apos;label&apos; must be a list of [start, end, label]</source>
        <translation>يجب أن يكون &apos;label&apos; قائمة ‎[start, end, label]‎</translation>
    </message>
    <message>
        <source>&apos;meta&apos; must be an object</source>
        <translation>يجب أن يكون &apos;meta&apos; كائناً</translation>
    </message>
    <message>
        <source>&apos;relations&apos; must be a list of objects</source>
        <translation>يجب أن يكون &apos;relations&apos; قائمة من الكائنات</translation>
    </message>
    <message>
        <source>&apos;rule&apos; must be a list of [[rule]] tables</source>
        <translation>يجب أن يكون &apos;rule&apos; قائمة جداول [[rule]]</translation>
    </message>
    <message>
        <source>&apos;spans&apos; and &apos;relations&apos; must be lists</source>
        <translation>يجب أن يكون &apos;spans&apos; و&apos;relations&apos; قائمتين</translation>
    </message>
    <message>
        <source>&apos;status&apos; is {value}, not one of {statuses}</source>
        <translation>قيمة &apos;status&apos; هي {value}، وليست إحدى {statuses}</translation>
    </message>
    <message>
        <source>&apos;title&apos; must be a string</source>
        <translation>يجب أن يكون &apos;title&apos; نصاً</translation>
    </message>
    <message>
        <source>--annotators names {name!r} twice</source>
        <translation>ذُكر المُعلِّم {name!r} مرتين</translation>
    </message>
    <message>
        <source>--map gives {old!r} two new names ({first!r} and {second!r}); give one</source>
        <translation>أُعطي {old!r} اسمين جديدين ({first!r} و{second!r})؛ أعطِ اسماً واحداً</translation>
    </message>
    <message>
        <source>--map {item!r} is not OLD=NEW (for example --map PER=speaker)</source>
        <translation>{item!r} ليس على صورة قديم=جديد (مثل PER=speaker)</translation>
    </message>
    <message>
        <source>--parquet needs pyarrow: install it with pip install pyarrow</source>
        <translation>يحتاج Parquet إلى pyarrow: ثبّته بالأمر pip install pyarrow</translation>
    </message>
    <message>
        <source>--spacy-pipeline {pipeline!r}: choose {choices}</source>
        <translation>خط معالجة spaCy ‏{pipeline!r}: اختر {choices}</translation>
    </message>
    <message>
        <source>--split {spec!r}: give two or three percentages that add up to 100</source>
        <translation>التقسيم {spec!r}: أعطِ نسبتين أو ثلاثاً مجموعها 100</translation>
    </message>
    <message>
        <source>--split {spec!r}: give whole percentages such as 80,10,10</source>
        <translation>التقسيم {spec!r}: أعطِ نسباً مئوية صحيحة مثل 80,10,10</translation>
    </message>
    <message>
        <source>a Label Studio export is a JSON list of tasks</source>
        <translation>تصدير Label Studio قائمة مهام بصيغة JSON</translation>
    </message>
    <message>
        <source>a merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>a quoted field starts on this line and its closing quote is missing</source>
        <translation>يبدأ في هذا السطر حقل بين علامتي تنصيص وتنقصه علامة الإغلاق</translation>
    </message>
    <message>
        <source>a span cannot be linked to itself</source>
        <translation>لا يمكن ربط المقطع بنفسه</translation>
    </message>
    <message>
        <source>a span of this {relation} link was deleted elsewhere (another window or program); nothing was changed</source>
        <translation>حُذف أحد مقطعي رابط «{relation}» في مكان آخر (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>a string holds a lone surrogate escape (\ud800-\udfff), not a character</source>
        <translation>في سلسلة نصية رمز بديل منفرد ‎(\ud800-\udfff)‏، لا حرف</translation>
    </message>
    <message>
        <source>a value has the wrong type or size ({why})</source>
        <translation>في الملف قيمة من نوع أو حجم غير صحيح ({why})</translation>
    </message>
    <message>
        <source>a window or another command</source>
        <translation>نافذة أو أمر آخر</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>annotations have no annotator; give one with --annotator</source>
        <translation>الوسوم بلا مُعلِّم؛ سمِّ المُعلِّم الذي تُستورد باسمه</translation>
    </message>
    <message>
        <source>another export is writing to {out} right now; wait for it to finish, or choose another --out</source>
        <translation>تصدير آخر يكتب في {out} الآن؛ انتظر حتى ينتهي، أو اختر مكاناً آخر في «حفظ باسم»</translation>
    </message>
    <message>
        <source>attribute of {target}, which is not a text-bound annotation</source>
        <translation>خاصية لـ{target}، وهو ليس وسماً مرتبطاً بالنص</translation>
    </message>
    <message>
        <source>attribute {name!r} of {label}</source>
        <translation>الخاصية {name!r} للوسم {label}</translation>
    </message>
    <message>
        <source>both ends of a relation must be in the same layer of one document</source>
        <translation>يجب أن يكون طرفا الرابط في الطبقة نفسها من مستند واحد</translation>
    </message>
    <message>
        <source>both the project and the file changed the layers of {which}; nothing was merged (use --on-conflict replace to take the files&apos; layers, or --on-conflict keep to keep the project&apos;s)</source>
        <translation>غيّر المشروع والملف كلاهما طبقات {which}؛ لم يُدمج شيء (يمكن أخذ طبقات الملفات أو الإبقاء على طبقات المشروع)</translation>
    </message>
    <message>
        <source>cannot be read ({why})</source>
        <translation>تعذّرت قراءته ({why})</translation>
    </message>
    <message>
        <source>cannot create {out} ({why})</source>
        <translation>تعذّر إنشاء {out} ({why})</translation>
    </message>
    <message>
        <source>cannot relabel: the span is linked ({problem})</source>
        <translation>تعذّر تغيير الوسم: المقطع مربوط ({problem})</translation>
    </message>
    <message>
        <source>cannot tell the format from the content; give --format ({names})</source>
        <translation>تعذّر تمييز الصيغة من المحتوى (الصيغ المعروفة: {names})</translation>
    </message>
    <message>
        <source>cannot write the export at {out}: {why}</source>
        <translation>تعذّرت كتابة التصدير في {out}: {why}</translation>
    </message>
    <message>
        <source>cannot write the report at {out}: {why}</source>
        <translation>تعذّرت كتابة التقرير في {out}: {why}</translation>
    </message>
    <message>
        <source>doccano names its files after the user, but {name!r} is a reserved layer name; give the annotator with --annotator</source>
        <translation>يسمّي doccano ملفاته باسم المستخدم، لكن {name!r} اسم طبقة محجوز؛ سمِّ المُعلِّم الذي تُستورد باسمه</translation>
    </message>
    <message>
        <source>document {doc} is in this file twice, lines {earlier} and {line}, with different layers for {name!r}; nothing was imported (keep one of the two)</source>
        <translation>المستند {doc} مذكور في هذا الملف مرتين، في السطرين {earlier} و{line}، بطبقتين مختلفتين للمُعلِّم {name!r}؛ لم يُستورد شيء (أبقِ واحدة منهما)</translation>
    </message>
    <message>
        <source>document {doc} is read twice (also from {earlier}), with different layers for {name!r}; nothing was imported (keep one of the two)</source>
        <translation>المستند {doc} قُرئ مرتين (ومن {earlier} أيضًا)، بطبقتين مختلفتين للمُعلِّم {name!r}؛ لم يُستورد شيء (أبقِ واحدة منهما)</translation>
    </message>
    <message>
        <source>document {doc} was imported from this text before and has annotations or suggestions now, so its text cannot change (their offsets point into it); its original text stays kept in the project</source>
        <translation>المستند {doc} استُورد من هذا النص من قبل وله الآن وسوم أو اقتراحات، فلا يمكن أن يتغير نصه (مواضعها تشير إليه)؛ يبقى نصه الأصلي محفوظاً في المشروع</translation>
    </message>
    <message>
        <source>document {doc} was imported from this text before and is assigned or has gone out in a package, so its text cannot change (the work coming back must find it as it left); its original text stays kept in the project</source>
        <translation>المستند {doc} استُورد من هذا النص من قبل وهو مُسنَد أو خرج في حزمة، فلا يمكن أن يتغير نصه (على العمل العائد أن يجده كما خرج)؛ يبقى نصه الأصلي محفوظاً في المشروع</translation>
    </message>
    <message>
        <source>document {doc}: span {span} of {annotator} does not match its text</source>
        <translation>المستند {doc}: المقطع {span} للمُعلِّم {annotator} لا يطابق نصه</translation>
    </message>
    <message>
        <source>each entry of &apos;annotations&apos; must be an object</source>
        <translation>يجب أن يكون كل عنصر في &apos;annotations&apos; كائناً</translation>
    </message>
    <message>
        <source>each line must be a JSON object with a &apos;text&apos;</source>
        <translation>يجب أن يكون كل سطر كائن JSON فيه &apos;text&apos;</translation>
    </message>
    <message>
        <source>entity {entity} has no {key!r}</source>
        <translation>الكيان {entity} ليس له {key!r}</translation>
    </message>
    <message>
        <source>entity {entity} must be an object</source>
        <translation>يجب أن يكون الكيان {entity} كائنًا</translation>
    </message>
    <message>
        <source>entity {entity}: &apos;label&apos; must be a string, not {value}</source>
        <translation>الكيان {entity}: يجب أن يكون &apos;label&apos; نصًا، لا {value}</translation>
    </message>
    <message>
        <source>entity {entity}: {key!r}</source>
        <translation>الكيان {entity}: {key!r}</translation>
    </message>
    <message>
        <source>give either --annotator or --layer, not both</source>
        <translation>اختر مُعلِّماً أو طبقة، لا الاثنين معاً</translation>
    </message>
    <message>
        <source>input: {problem}</source>
        <translation>المُدخَل: {problem}</translation>
    </message>
    <message>
        <source>is not UTF-8 text (brat writes .ann files in UTF-8)</source>
        <translation>ليس نصاً بترميز UTF-8 (يكتب brat ملفات ‎.ann‎ بترميز UTF-8)</translation>
    </message>
    <message>
        <source>label {kind!r} is not in the schema</source>
        <translation>الوسم {kind!r} ليس في المخطط</translation>
    </message>
    <message>
        <source>label {label!r} has no attribute {name!r}</source>
        <translation>ليس للوسم {label!r} خاصية {name!r}</translation>
    </message>
    <message>
        <source>label {label!r} is not in the schema ({labels})</source>
        <translation>الوسم {label!r} ليس في المخطط ({labels})</translation>
    </message>
    <message>
        <source>label {name!r}</source>
        <translation>الوسم {name!r}</translation>
    </message>
    <message>
        <source>no annotator has finished a document in {path} yet; agreement counts documents marked done (Ctrl+D in the window)</source>
        <translation>لم يُنهِ أي مُعلِّم مستنداً في {path} بعد؛ يُحسب الاتفاق على المستندات المعلَّمة كمنتهية (Ctrl+D في النافذة)</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>not WebAnno TSV 3 (the first line is not #FORMAT=WebAnno TSV 3.x)</source>
        <translation>ليس ملف WebAnno TSV 3 (السطر الأول ليس ‎#FORMAT=WebAnno TSV 3.x‎)</translation>
    </message>
    <message>
        <source>not a usable brat line ({why})</source>
        <translation>سطر brat غير صالح للاستعمال ({why})</translation>
    </message>
    <message>
        <source>not a valid CSV file ({why})</source>
        <translation>ليس ملف CSV صالحاً ({why})</translation>
    </message>
    <message>
        <source>not a valid labelling config (XML: {why})</source>
        <translation>ليس إعداد وسم صالحاً (XML: {why})</translation>
    </message>
    <message>
        <source>not valid JSON ({name} is not a number JSON allows)</source>
        <translation>ليس JSON صالحاً ({name} ليس عدداً يسمح به JSON)</translation>
    </message>
    <message>
        <source>not valid JSON ({why} at column {column})</source>
        <translation>ليس JSON صالحاً ({why}، في العمود {column})</translation>
    </message>
    <message>
        <source>not valid JSON ({why} column {column})</source>
        <translation>ليس JSON صالحاً ({why}، في العمود {column})</translation>
    </message>
    <message>
        <source>not valid JSON ({why})</source>
        <translation>ليس JSON صالحاً ({why})</translation>
    </message>
    <message>
        <source>not valid TOML ({why})</source>
        <translation>ليس TOML صالحاً ({why})</translation>
    </message>
    <message>
        <source>refers to {name} which is not defined above</source>
        <translation>يشير إلى {name} غير المعرَّف قبله</translation>
    </message>
    <message>
        <source>relation id {relation!r} is used twice</source>
        <translation>مُعرِّف الرابط {relation!r} مستعمل مرتين</translation>
    </message>
    <message>
        <source>relation {name!r}</source>
        <translation>الرابط {name!r}</translation>
    </message>
    <message>
        <source>relation {relation}</source>
        <translation>الرابط {relation}</translation>
    </message>
    <message>
        <source>relation {relation} must be an object</source>
        <translation>يجب أن يكون الرابط {relation} كائناً</translation>
    </message>
    <message>
        <source>relation {relation} points to span {span!r}, which is not there</source>
        <translation>الرابط {relation} يشير إلى المقطع {span!r}، وهو غير موجود</translation>
    </message>
    <message>
        <source>relation {relation}: {why}</source>
        <translation>الرابط {relation}: {why}</translation>
    </message>
    <message>
        <source>rule[{i}] has no phrases (starts, contains, equals ...)</source>
        <translation>القاعدة rule[{i}] بلا عبارات (starts، contains، equals ...)</translation>
    </message>
    <message>
        <source>rule[{i}] needs a kind ({kinds})</source>
        <translation>القاعدة rule[{i}] تحتاج إلى نوع ({kinds})</translation>
    </message>
    <message>
        <source>rule[{i}]: after is &apos;anything&apos; or &apos;short&apos;, where is &apos;anywhere&apos; or &apos;edges&apos;</source>
        <translation>القاعدة rule[{i}]: قيمة after هي &apos;anything&apos; أو &apos;short&apos;، وقيمة where هي &apos;anywhere&apos; أو &apos;edges&apos;</translation>
    </message>
    <message>
        <source>rule[{i}]: max_words must be a positive whole number</source>
        <translation>القاعدة rule[{i}]: يجب أن يكون max_words عدداً صحيحاً موجباً</translation>
    </message>
    <message>
        <source>rule[{i}]: {key} must be a list of strings</source>
        <translation>القاعدة rule[{i}]: يجب أن يكون {key} قائمة نصوص</translation>
    </message>
    <message>
        <source>span [{start}, {end}) is outside the text (length {length})</source>
        <translation>المقطع [{start}، {end}) خارج النص (طوله {length})</translation>
    </message>
    <message>
        <source>span id {span!r} is used twice</source>
        <translation>مُعرِّف المقطع {span!r} مستعمل مرتين</translation>
    </message>
    <message>
        <source>span {span}</source>
        <translation>المقطع {span}</translation>
    </message>
    <message>
        <source>span {span} [{start}, {end}) ends before it starts</source>
        <translation>المقطع {span} [{start}، {end}) ينتهي قبل أن يبدأ</translation>
    </message>
    <message>
        <source>span {span} [{start}, {end}) is outside the text</source>
        <translation>المقطع {span} [{start}، {end}) خارج النص</translation>
    </message>
    <message>
        <source>span {span} [{start}, {end}) is outside the text (length {length})</source>
        <translation>المقطع {span} [{start}، {end}) خارج النص (طوله {length})</translation>
    </message>
    <message>
        <source>span {span} no longer exists</source>
        <translation>المقطع {span} لم يعد موجوداً</translation>
    </message>
    <message>
        <source>span {span} text {text!r} does not match the document text {there!r} at [{start}, {end})</source>
        <translation>نص المقطع {span} ‏{text!r} لا يطابق نص المستند {there!r} في [{start}، {end})</translation>
    </message>
    <message>
        <source>span {span} text {text!r} is not the document text at [{start}, {end}) ({there!r}), but it is when the offsets count {other} units: give --offsets {other}</source>
        <translation>نص المقطع {span} {text!r} ليس نص المستند عند [{start}، {end}) ({there!r})، لكنه يطابقه إذا عُدّت المواضع بوحدات {other}: أعطِ --offsets {other}</translation>
    </message>
    <message>
        <source>span {span}: {why}</source>
        <translation>المقطع {span}: {why}</translation>
    </message>
    <message>
        <source>label {n} must be [start, end, label], not {value}</source>
        <translation>يجب أن يكون الوسم {n} على الشكل [start, end, label]، لا {value}</translation>
    </message>
    <message>
        <source>document {doc}: its id is too long for a file name ({size} bytes; at most {limit}); give it a shorter id</source>
        <translation>المستند {doc}: معرّفه أطول من أن يكون اسم ملف ({size} بايت؛ الحد {limit})؛ أعطه معرّفًا أقصر</translation>
    </message>
    <message>
        <source>label {n}: the end</source>
        <translation>الوسم {n}: النهاية</translation>
    </message>
    <message>
        <source>label {n}: the label must be a string, not {value}</source>
        <translation>الوسم {n}: يجب أن يكون اسم الوسم نصًا، لا {value}</translation>
    </message>
    <message>
        <source>label {n}: the start</source>
        <translation>الوسم {n}: البداية</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>لا يوجد مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>relation {relation} has no {key!r}</source>
        <translation>الرابط {relation} ليس له {key!r}</translation>
    </message>
    <message>
        <source>relation {relation}: &apos;type&apos; must be a string, not {value}</source>
        <translation>الرابط {relation}: يجب أن يكون &apos;type&apos; نصًا، لا {value}</translation>
    </message>
    <message>
        <source>relation {relation}: {key!r} {value} is not the id of an entity of this line</source>
        <translation>الرابط {relation}: {key!r} {value} ليس معرّف كيان في هذا السطر</translation>
    </message>
    <message>
        <source>the CSV header has no &apos;text&apos; column (its columns: {found})</source>
        <translation>ليس في ترويسة ملف CSV عمود &apos;text&apos; (أعمدته: {found})</translation>
    </message>
    <message>
        <source>the CSV header has two columns named {name!r} (columns {first} and {second}); rename one, or only one of them would be imported</source>
        <translation>في صف العناوين عمودان باسم {name!r} (العمودان {first} و{second})؛ أعد تسمية أحدهما، وإلا استُورد أحدهما فقط</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply to read</source>
        <translation>تداخل JSON أعمق من أن يُقرأ</translation>
    </message>
    <message>
        <source>the UTF-16 offset {offset} falls inside a character ({char!r} takes two UTF-16 units): a span cannot start or end there</source>
        <translation>الموضع {offset} بوحدات UTF-16 يقع داخل حرف ({char!r} يشغل وحدتين من UTF-16): لا يبدأ مقطع ولا ينتهي هناك</translation>
    </message>
    <message>
        <source>the annotator name is empty</source>
        <translation>اسم المُعلِّم فارغ</translation>
    </message>
    <message>
        <source>the annotator name {name!r} holds a line break or another control character</source>
        <translation>اسم المُعلِّم {name!r} فيه فاصل أسطر أو محرف تحكم آخر</translation>
    </message>
    <message>
        <source>the annotator name {name!r} is blank</source>
        <translation>اسم المُعلِّم {name!r} فارغ</translation>
    </message>
    <message>
        <source>the backup of {project} could not be written ({why}); the project is unchanged</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية من {project} ({why})؛ لم يتغير المشروع</translation>
    </message>
    <message>
        <source>the bytes are not valid {encoding}</source>
        <translation>البايتات ليست ترميز {encoding} صالحاً</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>the document has no text</source>
        <translation>المستند بلا نص</translation>
    </message>
    <message>
        <source>the document has two layers of the annotator {name!r}; a document has one layer per annotator (merge them into one, or rename one)</source>
        <translation>في المستند طبقتان للمُعلِّم {name!r}؛ للمستند طبقة واحدة لكل مُعلِّم (ادمجهما في طبقة واحدة أو أعد تسمية إحداهما)</translation>
    </message>
    <message>
        <source>the export has no labelled regions to take labels from</source>
        <translation>ليس في التصدير مناطق موسومة تؤخذ منها الوسوم</translation>
    </message>
    <message>
        <source>the file defines no span layer (#T_SP=...)</source>
        <translation>لا يعرّف الملف طبقة مقاطع ‎(#T_SP=...)‎</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>the file is empty (a CSV needs a header row with a &apos;text&apos; column)</source>
        <translation>الملف فارغ (يحتاج ملف CSV إلى صف عناوين فيه عمود &apos;text&apos;)</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8</source>
        <translation>الملف ليس ترميز UTF-8 صالحاً</translation>
    </message>
    <message>
        <source>the file is {size} MB; files above {limit} MB are refused (split it into several files)</source>
        <translation>حجم الملف {size} ميغابايت؛ تُرفض الملفات الأكبر من {limit} ميغابايت (قسّمه إلى عدة ملفات)</translation>
    </message>
    <message>
        <source>the folder has no brat .ann files (.txt, .jsonl, .json, .csv, .ann)</source>
        <translation>ليس في المجلد ملفات ‎.ann‎ من brat ‏(.txt، .jsonl، .json، .csv، .ann)</translation>
    </message>
    <message>
        <source>the folder has no files to import (.txt, .jsonl, .json, .csv, .ann)</source>
        <translation>ليس في المجلد ملفات للاستيراد ‏(.txt، .jsonl، .json، .csv، .ann)</translation>
    </message>
    <message>
        <source>the key {key!r} is given twice in one object (only one can be read)</source>
        <translation>المفتاح {key!r} مذكور مرتين في كائن واحد (لا يُقرأ إلا أحدهما)</translation>
    </message>
    <message>
        <source>the labelling config has no &lt;Labels&gt; with &lt;Label value=...&gt;</source>
        <translation>ليس في إعداد الوسم ‎&lt;Labels&gt;‎ فيه ‎&lt;Label value=...&gt;‎</translation>
    </message>
    <message>
        <source>the line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>the line is a JSON list; native JSONL has one JSON object with a &apos;text&apos; per line (Label Studio&apos;s JSON export, a list of tasks, is recognised by their &apos;data&apos;)</source>
        <translation>السطر قائمة JSON؛ في JSONL الأصلي كائن JSON واحد فيه &apos;text&apos; في كل سطر (ويُعرف تصدير JSON من Label Studio، وهو قائمة مهام، بحقل &apos;data&apos; فيها)</translation>
    </message>
    <message>
        <source>the line is not valid UTF-8</source>
        <translation>السطر ليس ترميز UTF-8 صالحاً</translation>
    </message>
    <message>
        <source>the line is {size} MB; lines above {limit} MB are refused</source>
        <translation>حجم السطر {size} ميغابايت؛ تُرفض الأسطر الأكبر من {limit} ميغابايت</translation>
    </message>
    <message>
        <source>the number {number} is too large</source>
        <translation>العدد {number} أكبر من اللازم</translation>
    </message>
    <message>
        <source>the number {number}... is too large</source>
        <translation>العدد {number}... أكبر من اللازم</translation>
    </message>
    <message>
        <source>the project already has different layers for {which}; nothing was imported (use --on-conflict replace to take the imported layers, or --on-conflict keep to keep the project&apos;s)</source>
        <translation>في المشروع طبقات مختلفة لـ{which}؛ لم يُستورد شيء (اختر «استبدالها بالطبقة المستوردة» لأخذ الطبقات المستوردة، أو «الإبقاء على طبقة المشروع» للإبقاء على طبقات المشروع)</translation>
    </message>
    <message>
        <source>the project file refused the change ({why}); nothing was saved</source>
        <translation>رفض ملف المشروع التغيير ({why})؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>the relation layer has no BT_ column</source>
        <translation>ليس في طبقة الروابط عمود BT_</translation>
    </message>
    <message>
        <source>the row has more fields than the header</source>
        <translation>في الصف حقول أكثر مما في صف العناوين</translation>
    </message>
    <message>
        <source>the row&apos;s text is empty</source>
        <translation>نص الصف فارغ</translation>
    </message>
    <message>
        <source>the schema has no relation {relation!r}</source>
        <translation>لا يحتوي المخطط على الرابط {relation!r}</translation>
    </message>
    <message>
        <source>the spacy format needs spaCy: install it with pip install &apos;{distribution}[spacy]&apos;</source>
        <translation>صيغة spacy تحتاج إلى spaCy: ثبّته بالأمر pip install &apos;{distribution}[spacy]&apos;</translation>
    </message>
    <message>
        <source>the split leaves dev empty, so spacy train would evaluate on data it did not hold out for that: choose another --split (for example 80,10,10)</source>
        <translation>يترك التقسيم جزء dev فارغاً، فيقيّم spacy train على بيانات لم تُحجز لذلك: اختر تقسيماً آخر (مثل 80,10,10)</translation>
    </message>
    <message>
        <source>the text contains NUL characters; is it a binary file?</source>
        <translation>في النص محارف NUL؛ هل هو ملف ثنائي؟</translation>
    </message>
    <message>
        <source>the text encoding could not be recognised (save it as UTF-8)</source>
        <translation>تعذّر التعرف على ترميز النص (احفظه بترميز UTF-8)</translation>
    </message>
    <message>
        <source>the text file {name} is missing beside it</source>
        <translation>ملف النص {name} غير موجود بجانبه</translation>
    </message>
    <message>
        <source>the text holds a NUL character (\u0000)</source>
        <translation>في النص محرف NUL ‏(\u0000)</translation>
    </message>
    <message>
        <source>the text of document {doc} was replaced elsewhere (imported again) and no longer reads «{text}» there; nothing was changed: open the document again</source>
        <translation>استُبدل نص المستند {doc} في مكان آخر (استُورد من جديد) ولم يعد فيه «{text}» هناك؛ لم يتغير شيء: افتح المستند من جديد</translation>
    </message>
    <message>
        <source>the {format} format holds one layer; choose --annotator NAME, --layer gold or --layer majority</source>
        <translation>صيغة {format} تحمل طبقة واحدة؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية</translation>
    </message>
    <message>
        <source>the {format} format needs {needs}: install it with pip install &apos;{distribution}[{needs}]&apos;</source>
        <translation>صيغة {format} تحتاج إلى {needs}: ثبّته بالأمر pip install &apos;{distribution}[{needs}]&apos;</translation>
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
        <source>the {label} span «{text}» was labelled elsewhere too (another window or program); nothing was changed</source>
        <translation>وُسم مقطع «{label}» «{text}» في مكان آخر أيضاً (نافذة أو برنامج آخر)؛ لم يتغير شيء</translation>
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
        <source>this is a project file: to bring its work in, use annotator merge PROJECT {name}</source>
        <translation>هذا ملف مشروع: لجلب عمله استعمل annotator merge PROJECT {name}</translation>
    </message>
    <message>
        <source>this is a spans table exported by annotator; it has no article texts: import the jsonl export instead</source>
        <translation>هذا جدول مقاطع صدّره annotator، وليس فيه نصوص المقالات: استورد تصدير jsonl بدلاً منه</translation>
    </message>
    <message>
        <source>this is an SQLite database, not articles (to bring in an annotator project&apos;s work, use annotator merge)</source>
        <translation>هذه قاعدة بيانات SQLite، لا مقالات (لجلب عمل مشروع annotator استعمل annotator merge)</translation>
    </message>
    <message>
        <source>this is the manifest of an export, not documents; import the data beside it</source>
        <translation>هذا بيان تصدير لا مستندات؛ استورد البيانات التي بجانبه</translation>
    </message>
    <message>
        <source>this is the project being imported into (or one of its own files), not articles</source>
        <translation>هذا هو المشروع الذي يُستورد إليه (أو أحد ملفاته)، لا مقالات</translation>
    </message>
    <message>
        <source>this looks like a binary file, not text</source>
        <translation>يبدو هذا ملفاً ثنائياً لا نصاً</translation>
    </message>
    <message>
        <source>unknown edit {edit}</source>
        <translation>تعديل غير معروف {edit}</translation>
    </message>
    <message>
        <source>unknown export format {name!r} (choose from {names})</source>
        <translation>صيغة تصدير غير معروفة {name!r} (اختر من {names})</translation>
    </message>
    <message>
        <source>unknown import format {name!r}</source>
        <translation>صيغة استيراد غير معروفة {name!r}</translation>
    </message>
    <message>
        <source>unknown label {label!r} (the schema has {labels})</source>
        <translation>وسم غير معروف {label!r} (في المخطط: {labels})</translation>
    </message>
    <message>
        <source>unknown offset unit {unit!r}</source>
        <translation>وحدة مواضع غير معروفة {unit!r}</translation>
    </message>
    <message>
        <source>value {value!r} of {label}.{attribute}</source>
        <translation>القيمة {value!r} للخاصية {label}.{attribute}</translation>
    </message>
    <message>
        <source>work time cannot be negative</source>
        <translation>لا يمكن أن يكون وقت العمل سالباً</translation>
    </message>
    <message>
        <source>written by a newer annotator (format_version {version}; this one reads up to {known}): update annotator to import it</source>
        <translation>كتبه إصدار أحدث من annotator (format_version {version}؛ هذا الإصدار يقرأ حتى {known}): حدّث annotator لاستيراده</translation>
    </message>
    <message>
        <source>{encoding!r} is not an encoding Python knows</source>
        <translation>{encoding!r} ليس ترميزاً معروفاً</translation>
    </message>
    <message>
        <source>{ident} [{start}, {end}) is outside the text (length {length})</source>
        <translation>{ident} [{start}، {end}) خارج النص (طوله {length})</translation>
    </message>
    <message>
        <source>{ident} has offsets {where!r}; expected &apos;START END[;START END]&apos;</source>
        <translation>مواضع {ident} هي {where!r}؛ المتوقع &apos;START END[;START END]&apos;</translation>
    </message>
    <message>
        <source>{ident}&apos;s text {shown!r} is not the text at those offsets ({expected!r}); offsets must count the characters of the .txt file as written</source>
        <translation>نص {ident} ‏{shown!r} ليس النص في تلك المواضع ({expected!r})؛ يجب أن تعدّ المواضع محارف ملف ‎.txt‎ كما كُتب</translation>
    </message>
    <message>
        <source>{name!r} holds the machine suggestions, which are never exported unless accepted: accept them in the window (Enter on one, or the Suggestions menu for a whole label) and export the annotator&apos;s layer that took them</source>
        <translation>{name!r} يحمل اقتراحات الآلة، ولا تُصدَّر ما لم تُقبل: اقبلها في النافذة (Enter على أحدها، أو قائمة الاقتراحات لوسم كامل) ثم صدّر طبقة المُعلِّم الذي قبلها</translation>
    </message>
    <message>
        <source>{name!r} is a reserved layer name</source>
        <translation>{name!r} اسم طبقة محجوز</translation>
    </message>
    <message>
        <source>{name!r} names the machine suggestions, which an import does not write (annotator suggest makes them); give the annotator&apos;s name</source>
        <translation>{name!r} اسم اقتراحات الآلة، والاستيراد لا يكتبها (يصنعها الأمر annotator suggest)؛ أعطِ اسم المُعلِّم</translation>
    </message>
    <message>
        <source>{name} has no documents assigned in {path}; assign them first (annotator assign {path} --annotators {name},...)</source>
        <translation>لا مستندات مُسندة إلى {name} في {path}؛ أسند إليه مستندات أولاً</translation>
    </message>
    <message>
        <source>{one} and {other}</source>
        <translation>{one} و{other}</translation>
    </message>
    <message>
        <source>{one}; {other}</source>
        <translation>{one}؛ {other}</translation>
    </message>
    <message>
        <source>{option} does not apply to the {format} format (it takes no options of its own)</source>
        <translation>{option} لا ينطبق على صيغة {format} (ليس لها خيارات خاصة)</translation>
    </message>
    <message>
        <source>{option} does not apply to the {format} format (it takes {takes})</source>
        <translation>{option} لا ينطبق على صيغة {format} (خياراتها: {takes})</translation>
    </message>
    <message>
        <source>{out} already exists; a package is a new file: choose another --out</source>
        <translation>{out} موجود أصلاً؛ الحزمة ملف جديد: اختر اسماً آخر</translation>
    </message>
    <message>
        <source>{out} is a file, and the {format} format writes a folder; choose another --out</source>
        <translation>{out} ملف، وصيغة {format} تكتب مجلداً؛ اختر مكاناً آخر في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{out} is a folder, and the {format} format writes a file: give a file name, such as {example}</source>
        <translation>{out} مجلد، وصيغة {format} تكتب ملفاً: أعطِ اسم ملف، مثل {example}</translation>
    </message>
    <message>
        <source>{out} is the project itself; choose another --out</source>
        <translation>{out} هو المشروع نفسه؛ اختر اسماً آخر</translation>
    </message>
    <message>
        <source>{out}: a report is .html, .md or .tex (the name&apos;s ending chooses the format)</source>
        <translation>{out}: التقرير ملف ‎.html‎ أو ‎.md‎ أو ‎.tex‎ (امتداد الاسم يحدد الصيغة)</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new --out, or add --force to replace an earlier export written there</source>
        <translation>{path} موجود أصلاً؛ اختر مكاناً جديداً في «حفظ باسم»، أو اختر «استبدال تصدير سابق في المكان نفسه» لاستبدال تصدير سابق كُتب هناك</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or open it instead</source>
        <translation>{path} موجود أصلاً؛ اختر اسماً آخر أو افتحه بدلاً من ذلك</translation>
    </message>
    <message>
        <source>{path} appeared while the export was written; it is left as it is</source>
        <translation>ظهر {path} أثناء كتابة التصدير؛ تُرك كما هو</translation>
    </message>
    <message>
        <source>{path} belongs to another application; it is not an annotator backup</source>
        <translation>{path} يخص تطبيقاً آخر؛ ليس نسخة احتياطية من annotator</translation>
    </message>
    <message>
        <source>{path} belongs to another application; it is not an annotator project</source>
        <translation>{path} يخص تطبيقاً آخر؛ ليس مشروع annotator</translation>
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
        <source>{path} does not exist; nothing was merged</source>
        <translation>{path} غير موجود؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>{path} does not say when it was taken</source>
        <translation>{path} لا يذكر متى أُخذ</translation>
    </message>
    <message>
        <source>{path} has a different label schema: {difference}; nothing was merged</source>
        <translation>مخطط الوسوم في {path} مختلف: {difference}؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>{path} has no annotations yet: annotate in the window (annotator gui {path}) before exporting</source>
        <translation>لا تعليقات في {path} بعد: علِّق في النافذة قبل التصدير</translation>
    </message>
    <message>
        <source>{path} has no annotator {name!r} (annotators: none yet)</source>
        <translation>لا يوجد في {path} مُعلِّم باسم {name!r} (لا مُعلِّمين بعد)</translation>
    </message>
    <message>
        <source>{path} has no annotator {name!r} (annotators: {known})</source>
        <translation>لا يوجد في {path} مُعلِّم باسم {name!r} (المُعلِّمون: {known})</translation>
    </message>
    <message>
        <source>{path} has no document {doc}</source>
        <translation>لا يحتوي {path} على المستند {doc}</translation>
    </message>
    <message>
        <source>{path} has no document {ref!r}</source>
        <translation>لا يحتوي {path} على المستند {ref!r}</translation>
    </message>
    <message>
        <source>{path} has no documents table; it is not a project backup</source>
        <translation>{path} لا يحتوي على جدول المستندات؛ ليس نسخة احتياطية من مشروع</translation>
    </message>
    <message>
        <source>{path} has no label schema; it is damaged</source>
        <translation>{path} لا يحتوي على مخطط الوسوم؛ إنه تالف</translation>
    </message>
    <message>
        <source>{path} holds {name!r} as a layer of kind {theirs}, this project as one of kind {ours}; nothing was merged</source>
        <translation>في {path} الطبقة {name!r} من نوع {theirs}، وفي هذا المشروع من نوع {ours}؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder</source>
        <translation>{path} ملف، لا مجلد</translation>
    </message>
    <message>
        <source>{path} is a folder, not a backup file</source>
        <translation>{path} مجلد، لا ملف نسخة احتياطية</translation>
    </message>
    <message>
        <source>{path} is a folder, not a project file</source>
        <translation>{path} مجلد، لا ملف مشروع</translation>
    </message>
    <message>
        <source>{path} is a package of another project ({project}, made for {annotator} on {day}); nothing was merged</source>
        <translation>{path} حزمة من مشروع آخر ({project}، صُنعت لـ{annotator} في {day})؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>{path} is an SQLite file but not an annotator backup</source>
        <translation>{path} ملف SQLite لكنه ليس نسخة احتياطية من annotator</translation>
    </message>
    <message>
        <source>{path} is an SQLite file but not an annotator project</source>
        <translation>{path} ملف SQLite لكنه ليس مشروع annotator</translation>
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
        <source>{path} is damaged ({why}); choose another backup</source>
        <translation>{path} تالف ({why})؛ اختر نسخة احتياطية أخرى</translation>
    </message>
    <message>
        <source>{path} is damaged: it has no documents table</source>
        <translation>{path} تالف: لا يحتوي على جدول المستندات</translation>
    </message>
    <message>
        <source>{path} is empty: it is not an annotator backup</source>
        <translation>{path} فارغ: ليس نسخة احتياطية من annotator</translation>
    </message>
    <message>
        <source>{path} is empty: it is not an annotator project</source>
        <translation>{path} فارغ: ليس مشروع annotator</translation>
    </message>
    <message>
        <source>{path} is in a read-only folder beside a write-ahead log ({name}-wal) that cannot be read there; open it where it can be written once</source>
        <translation>{path} في مجلد للقراءة فقط بجانب سجل كتابة مسبقة ({name}-wal) لا يمكن قراءته هناك؛ افتحه مرة في مكان تمكن الكتابة فيه</translation>
    </message>
    <message>
        <source>{path} is inside the project&apos;s backups; choose another --out</source>
        <translation>{path} داخل النسخ الاحتياطية للمشروع؛ اختر مكاناً آخر في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} is named twice; nothing was merged</source>
        <translation>ذُكر {path} مرتين؛ لم يُدمج شيء</translation>
    </message>
    <message>
        <source>{path} is not a usable backup ({why})</source>
        <translation>{path} ليس نسخة احتياطية صالحة للاستعمال ({why})</translation>
    </message>
    <message>
        <source>{path} is not an annotator backup (it is not an SQLite database)</source>
        <translation>{path} ليس نسخة احتياطية من annotator (ليس قاعدة بيانات SQLite)</translation>
    </message>
    <message>
        <source>{path} is not an annotator project (it is not an SQLite database)</source>
        <translation>{path} ليس مشروع annotator (ليس قاعدة بيانات SQLite)</translation>
    </message>
    <message>
        <source>{path} is not listed in {manifest}, so --force leaves it as it is; choose a new --out</source>
        <translation>{path} غير مذكور في {manifest}، فلا يستبدله «استبدال تصدير سابق في المكان نفسه»؛ اختر مكاناً جديداً في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} is open read-only: changes cannot be saved</source>
        <translation>{path} مفتوح للقراءة فقط: لا يمكن حفظ التغييرات</translation>
    </message>
    <message>
        <source>{path} is read-only here: changes cannot be saved</source>
        <translation>{path} للقراءة فقط هنا: لا يمكن حفظ التغييرات</translation>
    </message>
    <message>
        <source>{path} is the folder that holds the project {project}; give a new file or folder name with --out</source>
        <translation>{path} هو المجلد الذي فيه المشروع {project}؛ أعطِ اسم ملف أو مجلد جديد في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} is the project file {project}; choose another --out</source>
        <translation>{path} هو ملف المشروع {project}؛ اختر مكاناً آخر في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} is the project file; choose another --report</source>
        <translation>{path} هو ملف المشروع؛ اختر اسماً آخر للتقرير</translation>
    </message>
    <message>
        <source>{path} is the project itself; name the annotators&apos; copies to merge</source>
        <translation>{path} هو المشروع نفسه؛ اختر نسخ المُعلِّمين لدمجها</translation>
    </message>
    <message>
        <source>{path} needs an upgrade but is read-only; make it writable</source>
        <translation>{path} يحتاج إلى ترقية لكنه للقراءة فقط؛ اجعله قابلاً للكتابة</translation>
    </message>
    <message>
        <source>{path} was not written by an export of annotator (no manifest of ours beside it lists it), so --force leaves this file as it is; choose a new --out</source>
        <translation>لم يكتب {path} تصديرٌ من annotator (لا يذكره بيان تصدير بجانبه)، فلا يستبدله «استبدال تصدير سابق في المكان نفسه»؛ اختر مكاناً جديداً في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} was not written by an export of annotator (no manifest of ours in it lists it), so --force leaves this folder as it is; choose a new --out</source>
        <translation>لم يكتب {path} تصديرٌ من annotator (لا يذكره بيان تصدير فيه)، فلا يستبدله «استبدال تصدير سابق في المكان نفسه»؛ اختر مكاناً جديداً في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} was not written by the earlier export in {out}, so --force leaves the folder as it is; move that file or choose a new --out</source>
        <translation>لم يكتب {path} التصديرُ السابق في {out}، فلا يستبدل «استبدال تصدير سابق في المكان نفسه» المجلد؛ انقل ذلك الملف أو اختر مكاناً جديداً في «حفظ باسم»</translation>
    </message>
    <message>
        <source>{path} was removed or replaced, or its write-ahead log ({name}-wal) was deleted, by another program while it was open here: changes can no longer be saved to it; close and open the project again</source>
        <translation>أزال برنامجٌ آخر الملف {path} أو استبدل به غيره أو حذف سجلَّه ({name}-wal) وهو مفتوح هنا: لم يعد من الممكن حفظ التغييرات فيه؛ أغلق المشروع وافتحه من جديد</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of annotator (it has {newest}); update annotator {version} to open it</source>
        <translation>كُتب {path} بإصدار أحدث من annotator (فيه {newest})؛ حدِّث annotator {version} لفتحه</translation>
    </message>
    <message>
        <source>{path}, line {line}: {problem}</source>
        <translation>{path}، السطر {line}: {problem}</translation>
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
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{project} could not be restored ({why})</source>
        <translation>تعذّر استرجاع {project} ({why})</translation>
    </message>
    <message>
        <source>{project} is being written by {what}; nothing was restored: try again when it has finished</source>
        <translation>{what} يكتب في {project}؛ لم يُسترجع شيء: أعد المحاولة بعد انتهائه</translation>
    </message>
    <message>
        <source>{project} is read-only here: it cannot be restored</source>
        <translation>{project} للقراءة فقط هنا: لا يمكن استرجاعه</translation>
    </message>
    <message>
        <source>{relation} goes from {heads} to {children}, not from {head} to {child}</source>
        <translation>رابط «{relation}» يصل {heads} بـ{children}، لا «{head}» بـ«{child}»</translation>
    </message>
    <message>
        <source>{source} does not exist (list them with: annotator backups {project})</source>
        <translation>{source} غير موجود (اسرد النسخ الاحتياطية بالأمر: annotator backups {project})</translation>
    </message>
    <message>
        <source>{source} is not a backup of {project} (it does not say which project it is of); nothing was restored (to replace {name} with it all the same, add --another-project)</source>
        <translation>{source} ليس نسخة احتياطية من {project} (لا يذكر لأي مشروع هو)؛ لم يُسترجع شيء (لاستبدال {name} به مع ذلك أضف ‎--another-project)</translation>
    </message>
    <message>
        <source>{source} is not a backup of {project} (it is another project&apos;s file); nothing was restored (to replace {name} with it all the same, add --another-project)</source>
        <translation>{source} ليس نسخة احتياطية من {project} (إنه ملف مشروع آخر)؛ لم يُسترجع شيء (لاستبدال {name} به مع ذلك أضف ‎--another-project)</translation>
    </message>
    <message>
        <source>{source} is the project itself; choose one of its backups</source>
        <translation>{source} هو المشروع نفسه؛ اختر إحدى نسخه الاحتياطية</translation>
    </message>
    <message>
        <source>{source}: the merged document is missing from {path}</source>
        <translation>{source}: المستند المدموج غير موجود في {path}</translation>
    </message>
    <message>
        <source>{value!r} is not a value of {label}.{name} (allowed: {allowed})</source>
        <translation>{value!r} ليست قيمة للخاصية {label}.{name} (المسموح: {allowed})</translation>
    </message>
    <message>
        <source>{version} is not read; export it as WebAnno TSV 3.3 (INCEpTION: Export, format &apos;WebAnno TSV v3.3&apos;)</source>
        <translation>الصيغة {version} لا تُقرأ؛ صدِّره بصيغة WebAnno TSV 3.3 (في INCEpTION: Export، الصيغة &apos;WebAnno TSV v3.3&apos;)</translation>
    </message>
    <message>
        <source>{what} (process {pid}, since {since} UTC)</source>
        <translation>{what} (العملية {pid}، منذ {since} بالتوقيت العالمي)</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value}</source>
        <translation>يجب أن يكون {what} عددًا صحيحًا، لا {value}</translation>
    </message>
    <message>
        <source>{where} has no {key!r}</source>
        <translation>ليس في {where} الحقل {key!r}</translation>
    </message>
    <message>
        <source>{where} must be an object</source>
        <translation>يجب أن يكون {where} كائناً</translation>
    </message>
    <message>
        <source>{where}: &apos;attributes&apos; must map names to string values</source>
        <translation>{where}: يجب أن يربط &apos;attributes&apos; أسماءً بقيم نصية</translation>
    </message>
    <message>
        <source>{where}: &apos;text&apos; must be a string</source>
        <translation>{where}: يجب أن يكون &apos;text&apos; نصاً</translation>
    </message>
    <message>
        <source>{where}: {key!r} must be a string or a whole number (0 or more), not {value}</source>
        <translation>{where}: يجب أن يكون {key!r} نصاً أو عدداً صحيحاً (0 أو أكثر)، لا {value}</translation>
    </message>
    <message>
        <source>{where}: {key!r} must be a string, not {value}</source>
        <translation>{where}: يجب أن يكون {key!r} نصاً، لا {value}</translation>
    </message>
    <message>
        <source>{where}: {key!r} must be a whole number</source>
        <translation>{where}: يجب أن يكون {key!r} عدداً صحيحاً</translation>
    </message>
    <message>
        <source>{where}: {what}</source>
        <translation>{where}: {what}</translation>
    </message>
    <message numerus="yes">
        <source>%n names are not in the project&apos;s schema: {names}. Map each with --map OLD=NEW (for example --map positive=support), or import into a new project, which adopts them</source>
        <translation>
            <numerusform>لا أسماء خارج مخطط المشروع: {names}. اربط كلاً منها باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاها</numerusform>
            <numerusform>اسم واحد ليس في مخطط المشروع: {names}. اربطه باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاه</numerusform>
            <numerusform>اسمان ليسا في مخطط المشروع: {names}. اربط كلاً منهما باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاهما</numerusform>
            <numerusform>%n أسماء ليست في مخطط المشروع: {names}. اربط كلاً منها باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاها</numerusform>
            <numerusform>%n اسمًا ليست في مخطط المشروع: {names}. اربط كلاً منها باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاها</numerusform>
            <numerusform>%n اسم ليست في مخطط المشروع: {names}. اربط كلاً منها باسم في المخطط، أو استورد إلى مشروع جديد يتبنّاها</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name!r} from {file} in %n documents ({shown})</source>
        <translation>
            <numerusform>{name!r} من {file} في لا مستندات ({shown})</numerusform>
            <numerusform>{name!r} من {file} في مستند واحد ({shown})</numerusform>
            <numerusform>{name!r} من {file} في مستندين ({shown})</numerusform>
            <numerusform>{name!r} من {file} في %n مستندات ({shown})</numerusform>
            <numerusform>{name!r} من {file} في %n مستندًا ({shown})</numerusform>
            <numerusform>{name!r} من {file} في %n مستند ({shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name!r} in %n documents ({shown})</source>
        <translation>
            <numerusform>{name!r} في لا مستندات ({shown})</numerusform>
            <numerusform>{name!r} في مستند واحد ({shown})</numerusform>
            <numerusform>{name!r} في مستندين ({shown})</numerusform>
            <numerusform>{name!r} في %n مستندات ({shown})</numerusform>
            <numerusform>{name!r} في %n مستندًا ({shown})</numerusform>
            <numerusform>{name!r} في %n مستند ({shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{named} and %n more annotators</source>
        <translation>
            <numerusform>{named} ولا مُعلِّمين آخرين</numerusform>
            <numerusform>{named} ومُعلِّم آخر</numerusform>
            <numerusform>{named} ومُعلِّمان آخران</numerusform>
            <numerusform>{named} و%n مُعلِّمين آخرين</numerusform>
            <numerusform>{named} و%n مُعلِّمًا آخر</numerusform>
            <numerusform>{named} و%n مُعلِّم آخر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{named} and %n more layers</source>
        <translation>
            <numerusform>{named} ولا طبقات أخرى</numerusform>
            <numerusform>{named} وطبقة أخرى</numerusform>
            <numerusform>{named} وطبقتان أخريان</numerusform>
            <numerusform>{named} و%n طبقات أخرى</numerusform>
            <numerusform>{named} و%n طبقةً أخرى</numerusform>
            <numerusform>{named} و%n طبقة أخرى</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path} has %n annotators; choose one with --annotator NAME or use --layer gold, majority or all</source>
        <translation>
            <numerusform>لا مُعلِّمين في {path}؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
            <numerusform>في {path} مُعلِّم واحد؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
            <numerusform>في {path} مُعلِّمان؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
            <numerusform>في {path} %n مُعلِّمين؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
            <numerusform>في {path} %n مُعلِّمًا؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
            <numerusform>في {path} %n مُعلِّم؛ اختر في «الطبقة» مُعلِّماً أو الطبقة الذهبية أو الأغلبية أو الكل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path} is damaged: %n rows refer to missing rows</source>
        <translation>
            <numerusform>{path} تالف: لا صف يشير إلى صفوف مفقودة</numerusform>
            <numerusform>{path} تالف: صف واحد يشير إلى صفوف مفقودة</numerusform>
            <numerusform>{path} تالف: صفّان يشيران إلى صفوف مفقودة</numerusform>
            <numerusform>{path} تالف: %n صفوف تشير إلى صفوف مفقودة</numerusform>
            <numerusform>{path} تالف: %n صفاً تشير إلى صفوف مفقودة</numerusform>
            <numerusform>{path} تالف: %n صف تشير إلى صفوف مفقودة</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
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
