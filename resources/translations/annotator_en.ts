<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n spans</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotators</source>
        <translation>
            <numerusform>%n annotator</numerusform>
            <numerusform>%n annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreements</source>
        <translation>
            <numerusform>%n disagreement</numerusform>
            <numerusform>%n disagreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidates</source>
        <translation>
            <numerusform>%n candidate</numerusform>
            <numerusform>%n candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layers</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hits</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open items</source>
        <translation>
            <numerusform>%n open item</numerusform>
            <numerusform>%n open items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more items</source>
        <translation>
            <numerusform>%n more item</numerusform>
            <numerusform>%n more items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindAllDialog</name>
    <message numerus="yes">
        <source>More than %n hits; the first %n are listed: add words to narrow the search.</source>
        <translation>
            <numerusform>More than %n hit; the first %n is listed: add words to narrow the search.</numerusform>
            <numerusform>More than %n hits; the first %n are listed: add words to narrow the search.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message numerus="yes">
        <source>%n names are not in the project&apos;s schema: {names}. Map each with --map OLD=NEW (for example --map positive=support), or import into a new project, which adopts them</source>
        <translation>
            <numerusform>%n name is not in the project&apos;s schema: {names}. Map each with --map OLD=NEW (for example --map positive=support), or import into a new project, which adopts them</numerusform>
            <numerusform>%n names are not in the project&apos;s schema: {names}. Map each with --map OLD=NEW (for example --map positive=support), or import into a new project, which adopts them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name!r} from {file} in %n documents ({shown})</source>
        <translation>
            <numerusform>{name!r} from {file} in %n document ({shown})</numerusform>
            <numerusform>{name!r} from {file} in %n documents ({shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name!r} in %n documents ({shown})</source>
        <translation>
            <numerusform>{name!r} in %n document ({shown})</numerusform>
            <numerusform>{name!r} in %n documents ({shown})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{named} and %n more annotators</source>
        <translation>
            <numerusform>{named} and %n more annotator</numerusform>
            <numerusform>{named} and %n more annotators</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{named} and %n more layers</source>
        <translation>
            <numerusform>{named} and %n more layer</numerusform>
            <numerusform>{named} and %n more layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path} has %n annotators; choose one with --annotator NAME or use --layer gold, majority or all</source>
        <translation>
            <numerusform>{path} has %n annotator; choose one with --annotator NAME or use --layer gold, majority or all</numerusform>
            <numerusform>{path} has %n annotators; choose one with --annotator NAME or use --layer gold, majority or all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{path} is damaged: %n rows refer to missing rows</source>
        <translation>
            <numerusform>{path} is damaged: %n row refers to missing rows</numerusform>
            <numerusform>{path} is damaged: %n rows refer to missing rows</numerusform>
        </translation>
    </message>
</context>
</TS>
