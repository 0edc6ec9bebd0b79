<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="669"/>
        <source>签字并保存(&amp;G)</source>
        <translation>Si&amp;gn and save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="677"/>
        <source>项目验收 — {0}</source>
        <translation>Project acceptance — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="680"/>
        <source>验收日期：</source>
        <translation>Acceptance date:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="682"/>
        <source>参加人员：</source>
        <translation>Members present:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="683"/>
        <source>每行一人，如 镇长 赵某</source>
        <translation>One per line, e.g. Mayor Zhao</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="686"/>
        <source>验收意见：</source>
        <translation>Findings:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="689"/>
        <source>验收合格（项目改为“已验收”）</source>
        <translation>Passed (the project becomes “Accepted”)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="692"/>
        <source>保存时以 {0} 的签名签字；签字后如再修改，将显示“签字后已修改”。</source>
        <translation>Saving signs it with {0}&apos;s signature; a later change shows as “changed since signed”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="693"/>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="717"/>
        <source>验收签字须以本人账户登录</source>
        <translation>Signing an acceptance needs you signed in with your own account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="695"/>
        <source>签字：</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="702"/>
        <source>验收日期</source>
        <translation>Acceptance date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="705"/>
        <source>项目处于“{0}”，完工后才能验收</source>
        <translation>The project is “{0}”: it can be accepted once completed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="708"/>
        <source>请填写验收日期</source>
        <translation>Enter the acceptance date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="710"/>
        <source>请填写参加验收的人员</source>
        <translation>Enter the members present</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="712"/>
        <source>请填写验收意见</source>
        <translation>Enter the findings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="714"/>
        <source>验收日期 {0} 早于实际完工日期 {1}</source>
        <translation>Acceptance date {0} is before the actual finish {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="727"/>
        <source>验收已签字保存，验证码 {0}</source>
        <translation>Acceptance signed and saved, verification code {0}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="130"/>
        <source>添加账号</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="130"/>
        <source>角色和村：{0}</source>
        <translation>Roles and villages: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="140"/>
        <source>账号(&amp;N)：</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="141"/>
        <source>干部(&amp;C)：</source>
        <translation>&amp;Cadre:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="143"/>
        <source>账号：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="148"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="149"/>
        <source>村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="151"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="152"/>
        <source>再输一遍(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="159"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="160"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="180"/>
        <source>请填写账号。</source>
        <extracomment>set by the page: runs the write; the dialog closes when it succeeds</extracomment>
        <translation>Please enter the account name.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="182"/>
        <source>请选择干部。</source>
        <translation>Please choose the cadre.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="184"/>
        <source>请至少选择一个角色。</source>
        <translation>Please choose at least one role.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254"/>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254"/>
        <source>村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="255"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="265"/>
        <source>添加账号(&amp;N)…</source>
        <translation>&amp;New account…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="267"/>
        <source>重置密码(&amp;R)…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="269"/>
        <source>角色和村(&amp;O)…</source>
        <translation>R&amp;oles and villages…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="271"/>
        <source>本机账号。密码只保存在本机，不会同步；角色和村由区县人员名册同步。</source>
        <translation>Accounts of this laptop. Passwords stay on this laptop and are never synced; roles and villages come from the district&apos;s registry of people by sync.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="306"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="306"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="336"/>
        <source>已添加账号“{0}”</source>
        <translation>Account “{0}” added</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="350"/>
        <source>已修改“{0}”的角色和村</source>
        <translation>Roles and villages of “{0}” changed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="364"/>
        <source>已重置“{0}”的密码</source>
        <translation>Password of “{0}” reset</translation>
    </message>
</context>
<context>
    <name>AddAssetDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="98"/>
        <source>登记资产（由已验收项目形成）</source>
        <translation>Record an asset (made by an accepted project)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="107"/>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="127"/>
        <source>村集体</source>
        <translation>Village collective</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="112"/>
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="113"/>
        <source>资产名称(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="114"/>
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="115"/>
        <source>资产价值（元）(&amp;V)</source>
        <translation>&amp;Value (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="116"/>
        <source>坐落位置(&amp;L)</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="117"/>
        <source>产权归属(&amp;O)</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="118"/>
        <source>管护主体(&amp;M)</source>
        <translation>&amp;Managed by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="119"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="139"/>
        <source>没有已验收的项目：项目验收合格后才能登记资产</source>
        <translation>No accepted project: assets are recorded once a project has passed its acceptance</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="419"/>
        <source>批复(&amp;A)</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="427"/>
        <source>批复 — {0}</source>
        <translation>Approve — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="430"/>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="450"/>
        <source>项目已批复</source>
        <translation>Project approved</translation>
    </message>
</context>
<context>
    <name>ArchiveForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="306"/>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="307"/>
        <source>按年</source>
        <translation>By year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="314"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="322"/>
        <source>包扶干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="323"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="335"/>
        <source>请选择包扶干部</source>
        <translation>Please select a paired cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="339"/>
        <source>包扶纪实档案-{0}-{1}年{2}月</source>
        <translation>Assistance archive - {0} - {2}/{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="342"/>
        <source>包扶纪实档案-{0}-{1}年</source>
        <translation>Assistance archive - {0} - {1}</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="69"/>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="71"/>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="72"/>
        <source>全部农户（输入姓名或户编号筛选）</source>
        <translation>All households (type a name or household no. to filter)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="75"/>
        <source>搜索情况、措施、活动名称</source>
        <translation>Search situation, measures, activity name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="77"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="78"/>
        <source>导出PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="79"/>
        <source>导出所选干部该年度（或所选月份）的包扶纪实档案</source>
        <translation>Export the assistance archive of the selected cadre for the year (or selected month)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="123"/>
        <source>这里还没有走访记录。入户走访或开展村级活动后，在这里记下来。</source>
        <translation>No visits recorded yet. After a household visit or a village activity, record it here.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="124"/>
        <source>记录走访…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="128"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="128"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="129"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="129"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="197"/>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="235"/>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="287"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="235"/>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="287"/>
        <source>{0}年{1}月</source>
        <translation>{1}/{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="237"/>
        <source>{0}：已显示前 {1} 条，向下滚动加载更多</source>
        <translation>{0}: first {1} shown, scroll down to load more</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="239"/>
        <source>{0}：共 {1} 条记录</source>
        <translation>{0}: {1} records</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="288"/>
        <source>包扶纪实档案_{0}_{1}.pdf</source>
        <translation>Assistance_archive_{0}_{1}.pdf</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="289"/>
        <source>导出包扶纪实档案</source>
        <translation>Export assistance archive</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="290"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="305"/>
        <source>正在导出 {0} …</source>
        <translation>Exporting {0} …</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="313"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="106"/>
        <source>服务区域</source>
        <extracomment>the setup creates the first account (the people services are installed): the wizard asks for its password</extracomment>
        <translation>Service area</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="107"/>
        <source>这台电脑为哪个乡镇、哪些村服务。</source>
        <translation>Which township and villages this computer serves.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="109"/>
        <source>例如：商州区</source>
        <translation>e.g. Shangzhou District</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="111"/>
        <source>可不填；6位数字，例如 611002</source>
        <translation>Optional; 6 digits, e.g. 611002</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="114"/>
        <source>例如：北宽坪镇</source>
        <translation>e.g. Beikuanping Town</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="116"/>
        <source>每行一个村名</source>
        <translation>One village name per line</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="119"/>
        <source>区县</source>
        <translation>County/District</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="120"/>
        <source>区县代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="121"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="122"/>
        <source>村（每行一个）</source>
        <translation>Villages (one per line)</translation>
    </message>
</context>
<context>
    <name>AssetSharesTab</name>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="34"/>
        <source>由扶贫资产收益分配到本户的金额（在“资产台账”登记，此处只读）。</source>
        <translation>What this household received from assets&apos; income (recorded on the Asset ledger page; read-only here).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37"/>
        <source>资产</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37"/>
        <source>所属项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="38"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="72"/>
        <source>{0}年合计</source>
        <translation>{0} total</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="74"/>
        <source>（本户没有分到资产收益）</source>
        <translation>(this household has received no asset income)</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="102"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="103"/>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="104"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="107"/>
        <source>村(&amp;V)</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="107"/>
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="108"/>
        <source>状态(&amp;T)</source>
        <translation>S&amp;tate</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133"/>
        <source>收益</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133"/>
        <source>分配到户</source>
        <translation>To households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="134"/>
        <source>村集体留存</source>
        <translation>Kept by the collective</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="135"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="135"/>
        <source>分配金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136"/>
        <source>变更</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136"/>
        <source>产权归属</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137"/>
        <source>管护主体</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137"/>
        <source>签字</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="145"/>
        <source>收益及分配</source>
        <translation>Income and distribution</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="147"/>
        <source>分配到户（所选年度）</source>
        <translation>Shares of the chosen year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="152"/>
        <source>资产变更（签字，不能删除）</source>
        <translation>Changes (signed, never deleted)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="157"/>
        <source>登记资产(&amp;A)…</source>
        <translation>&amp;Add asset…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="158"/>
        <source>收益及分配(&amp;I)…</source>
        <translation>&amp;Income and distribution…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="159"/>
        <source>移交(&amp;H)…</source>
        <translation>&amp;Hand over…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="160"/>
        <source>毁损(&amp;D)…</source>
        <translation>&amp;Damage…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="161"/>
        <source>处置(&amp;X)…</source>
        <translation>Dispose of (&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="162"/>
        <source>打印台账(&amp;P)…</source>
        <translation>&amp;Print ledger…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="163"/>
        <source>导出 Excel(&amp;E)…</source>
        <translation>&amp;Export Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="206"/>
        <source>共 {0} 项</source>
        <translation>{0} assets</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="227"/>
        <source>签字有效</source>
        <translation>Signature valid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="227"/>
        <source>签字后内容已被修改</source>
        <translation>Changed since signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="228"/>
        <source>签名无效</source>
        <translation>Signature invalid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="228"/>
        <source>未签字</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="234"/>
        <source>（未选择资产）</source>
        <translation>(no asset chosen)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="239"/>
        <source>{0}：{1}，价值 {2} 元；{3}；产权 {4}，管护 {5}；{6}；项目“{7}”</source>
        <translation>{0}: {1}, value {2} yuan; {3}; owned by {4}, managed by {5}; {6}; project “{7}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="291"/>
        <source>已登记资产“{0}”</source>
        <translation>Asset “{0}” recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="319"/>
        <source>已登记 {0} 年收益并分配到 {1} 户</source>
        <translation>Income of {0} recorded and shared among {1} households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="332"/>
        <source>已登记{0}并签字</source>
        <translation>{0} recorded and signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="337"/>
        <source>打印资产台账</source>
        <translation>Print the asset ledger</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="337"/>
        <source>资产台账.pdf</source>
        <translation>asset-ledger.pdf</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="338"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="343"/>
        <source>导出资产台账</source>
        <translation>Export the asset ledger</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="343"/>
        <source>资产台账.xlsx</source>
        <translation>asset-ledger.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="344"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="354"/>
        <source>已生成资产台账 {0}（{1} 项）</source>
        <translation>Asset ledger {0} written ({1} assets)</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="67"/>
        <source>说明（可不填）</source>
        <translation>Caption (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="68"/>
        <source>添加附件(&amp;A)…</source>
        <translation>&amp;Add attachment…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="71"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="109"/>
        <source>选择附件照片</source>
        <translation>Choose photos to attach</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="110"/>
        <source>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="207"/>
        <source>（照片未同步到本机）</source>
        <translation>(photo not yet synchronised to this laptop)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="210"/>
        <source>{0}×{1}，校验值 {2}（Enter 打开）</source>
        <translation>{0}×{1}, checksum {2} (Enter opens it)</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="82"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="86"/>
        <source>在村签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="87"/>
        <source>记录本人在所选日期在村（当天没有走访记录时使用）</source>
        <translation>Record that I was in the village on the selected date (for days without a visit)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="90"/>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="102"/>
        <source>确认补登(&amp;Q)</source>
        <translation>&amp;Confirm late check-in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="103"/>
        <source>确认所选干部在该日在村（本人的补登不能自己确认）</source>
        <translation>Confirm that the selected cadre was in the village that day (nobody confirms their own late check-in)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="106"/>
        <source>签字关闭所选月份(&amp;L)…</source>
        <translation>C&amp;lose the chosen month…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="107"/>
        <source>队长对所选干部这个月的在村记录签字背书；关闭后修改须先说明原因重新打开</source>
        <translation>The team leader signs the chosen cadre&apos;s days in the village for this month; after that, a change needs the month reopened with a reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="108"/>
        <source>重新打开(&amp;R)…</source>
        <translation>&amp;Reopen…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="109"/>
        <source>说明原因后重新打开已关闭的月份；原因永久保留</source>
        <translation>Reopen a closed month, giving a reason that is kept for good</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="133"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="136"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="144"/>
        <source>驻村工作队员每月在村天数（走访日与在村签到日合计，同一天只算一次；每月不少于{0}天为达标）</source>
        <translation>Days per month in the village for resident team members (visit days and check-in days combined, each day counted once; at least {0} days a month to comply)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="146"/>
        <source>包扶单位领导本年走访次数（本人签字的走访，每年不少于{0}次）</source>
        <translation>Unit leaders&apos; visits this year (visits they signed themselves; at least {0} a year)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="188"/>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="201"/>
        <source>补登待确认（登记晚于在村日期 {0} 天以上，确认后计入在村天数）：{1} 条</source>
        <translation>Late check-ins waiting for confirmation (entered more than {0} days after the day; they count once confirmed): {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="221"/>
        <source>{0}年：驻村干部 {1} 人，未达标 {2} 人次；单位领导 {3} 人</source>
        <translation>{0}: {1} resident cadres, {2} non-compliant months; {3} unit leaders</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="246"/>
        <source>请填写日期</source>
        <translation>Please enter a date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="258"/>
        <source>已补登：{0} 在村，队长确认后计入在村天数</source>
        <translation>Late check-in saved: in the village on {0}; it counts once the team leader confirms it</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="260"/>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="275"/>
        <source>已签到：{0} 在村</source>
        <translation>Checked in: in the village on {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="299"/>
        <source>{0} {1}年{2}月（在村 {3} 天）</source>
        <translation>{0}, {2}/{1} ({3} days in the village)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="302"/>
        <source>签字关闭月份</source>
        <translation>Close a month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="303"/>
        <source>以本人签名对 {0} 的在村记录签字背书并关闭这个月？
关闭后修改须先说明原因重新打开。</source>
        <translation>Sign {0}&apos;s days in the village with your signature and close the month?
After that, a change needs the month reopened with a reason.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="304"/>
        <source>签字关闭</source>
        <translation>Sign and close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="304"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="312"/>
        <source>已签字关闭：{0}</source>
        <translation>Signed and closed: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="321"/>
        <source>重新打开月份</source>
        <translation>Reopen a month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="321"/>
        <source>重新打开 {0} {1}年{2}月的原因：</source>
        <translation>Why reopen {0}&apos;s month {2}/{1}:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="331"/>
        <source>已重新打开：{0} {1}年{2}月</source>
        <translation>Reopened: {0}, {2}/{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="367"/>
        <source>已确认 {0} {1} 在村</source>
        <translation>Confirmed: {0} in the village on {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="372"/>
        <source>驻村考勤_{0}年.xlsx</source>
        <translation>Attendance_{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="373"/>
        <source>导出驻村考勤</source>
        <translation>Export attendance</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="374"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="389"/>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
</context>
<context>
    <name>AuditVerify</name>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="20"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="22"/>
        <source>设备 {0}</source>
        <translation>Device {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="24"/>
        <source>断裂 {0} 处</source>
        <translation>broken in {0} places</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="26"/>
        <source>完好</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="27"/>
        <source>{0}：{1} 条记录，{2}</source>
        <translation>{0}: {1} entries, {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="30"/>
        <source>修改记录链完好：共校验 {0} 条。</source>
        <translation>The change log&apos;s chain is intact: {0} entries checked.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="34"/>
        <source>……另有 {0} 处</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="35"/>
        <source>修改记录链断裂：记录在程序之外被改动过，下列记录的作者和内容不可信。</source>
        <translation>The change log&apos;s chain is broken: it was changed outside FieldApp, and the authors and values of the entries below cannot be trusted.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="42"/>
        <source>校验修改记录（防篡改）…</source>
        <translation>Verify the change log (tamper check)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="49"/>
        <source>校验修改记录</source>
        <translation>Verify the change log</translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="37"/>
        <source>住址与联系方式</source>
        <translation>Address and contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="39"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="42"/>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="47"/>
        <source>识别与致贫原因</source>
        <translation>Identification and causes of poverty</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="59"/>
        <source>留空时按贫困户属性自动判定（兜底户 / 脱贫户）</source>
        <translation>If left empty, derived from the household type (safety-net / development household)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="66"/>
        <source>自动：{0}</source>
        <translation>Automatic: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="87"/>
        <source>—（由流程确定：保存后在“动态管理”中发起纳入、退出或返贫）</source>
        <translation>— (decided by the workflows: after saving, start an identification, exit or return under Dynamic management)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="90"/>
        <source>（未定）</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="91"/>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="92"/>
        <source>由流程确定</source>
        <translation>decided by a workflow</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="91"/>
        <source>导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="92"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="94"/>
        <source>进行中：{0}</source>
        <translation>In progress: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="99"/>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="100"/>
        <source>脱贫状态和脱贫年度由动态管理流程确定，不能直接修改：脱贫请发起“退出”流程，返贫请发起“返贫”流程</source>
        <translation>The workflows decide the exit status and exit year; they cannot be typed: start an exit workflow for an exit, a return workflow for a return to poverty</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="370"/>
        <source>受益户 — {0}</source>
        <translation>Beneficiary — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="379"/>
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="395"/>
        <source>请选择受益户</source>
        <translation>Choose the beneficiary household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="397"/>
        <source>请填写计划金额</source>
        <translation>Enter the planned amount</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="412"/>
        <source>受益户已保存</source>
        <translation>Beneficiary saved</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="322"/>
        <source>预算 — {0}</source>
        <translation>Budget — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="331"/>
        <source>不填则为各渠道合计</source>
        <translation>Blank: the sum of the channels</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="335"/>
        <source>项目已批复：修改预算需要批复权限</source>
        <translation>The project is approved: changing its budget needs the approval permission</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="358"/>
        <source>预算已保存</source>
        <translation>Budget saved</translation>
    </message>
</context>
<context>
    <name>CadreDaysModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41"/>
        <source>在村天数</source>
        <translation>Days in village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41"/>
        <source>是否达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41"/>
        <source>考勤签字关闭</source>
        <translation>Month closed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="48"/>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="48"/>
        <source>未达标</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="49"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="49"/>
        <source>未关闭</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>CadrePage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="133"/>
        <source>包扶干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="134"/>
        <source>使用这台电脑的干部。每条修改都会记下填报人。</source>
        <translation>The cadre using this computer. Every change records who entered it.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="137"/>
        <source>例如：区国土资源局</source>
        <translation>e.g. District Land and Resources Bureau</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="139"/>
        <source>手机号11位，或座机如 0914-1234567</source>
        <translation>11-digit mobile, or landline such as 0914-1234567</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="143"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="144"/>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="145"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="146"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="144"/>
        <source>全村</source>
        <extracomment>the user asked for the door-plate layout settings</extracomment>
        <translation>Whole village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="145"/>
        <source>一个组</source>
        <translation>One group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="146"/>
        <source>农户页选中的户</source>
        <translation>Households selected on the Households page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="151"/>
        <location filename="../../fieldapp/gui/printing/forms.py" line="206"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="156"/>
        <source>门牌样式…</source>
        <translation>Door plate style…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="163"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="164"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="165"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="166"/>
        <source>选中的户</source>
        <translation>Selected households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="171"/>
        <source>样式</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="190"/>
        <source>{0} 户（在“农户”页中选择，可按 Ctrl 或 Shift 多选）</source>
        <translation>{0} households (select on the Households page; Ctrl or Shift for several)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="192"/>
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="192"/>
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="193"/>
        <source>A4 一纸两张</source>
        <translation>A4, two per sheet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="195"/>
        <source>{0}，标题“{1}”</source>
        <translation>{0}, title “{1}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="203"/>
        <source>请先在“农户”页中选择要打印门牌的户</source>
        <translation>First select the households on the Households page to print door plates for</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="204"/>
        <source>信息公示牌-选中{0}户</source>
        <translation>Door plates - {0} selected households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="210"/>
        <source>这个村还没有分组的农户</source>
        <translation>This village has no households with a group yet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="211"/>
        <source>信息公示牌-{0}第{1}组</source>
        <translation>Door plates - {0} group {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="213"/>
        <source>信息公示牌-{0}</source>
        <translation>Door plates - {0}</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="274"/>
        <source>资产{0} — {1}</source>
        <translation>Asset {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="282"/>
        <source>村集体</source>
        <translation>Village collective</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="291"/>
        <source>日期(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="292"/>
        <source>原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="294"/>
        <source>新产权归属(&amp;O)</source>
        <translation>New &amp;owner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="296"/>
        <source>管护主体(&amp;M)</source>
        <translation>&amp;Managed by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="297"/>
        <source>变更后状态(&amp;S)</source>
        <translation>&amp;State after</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="299"/>
        <source>保存即由 {0} 签字；签字后的变更记录不能修改或删除。</source>
        <translation>Saving signs it as {0}; a signed change can never be altered or deleted.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="307"/>
        <source>请填写日期</source>
        <translation>Enter the date</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="52"/>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="60"/>
        <source>账号：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="61"/>
        <source>原密码(&amp;O)：</source>
        <translation>&amp;Old password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="62"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="63"/>
        <source>再输一遍(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="65"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="66"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="91"/>
        <source>原密码不正确。</source>
        <translation>The old password is wrong.</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../fieldapp/gui/charts/canvas.py" line="125"/>
        <source>{0}：{1}户（点击列出）</source>
        <translation>{0}: {1} households (click to list)</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="90"/>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="91"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="94"/>
        <source>打印挂图…</source>
        <translation>Print wall chart…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100"/>
        <source>贫困对象分布图</source>
        <translation>Distribution of households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100"/>
        <source>计划措施细则图</source>
        <translation>Planned measures</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100"/>
        <source>产业发展规划图</source>
        <translation>Industry plan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="101"/>
        <source>任务进度进展图</source>
        <translation>Progress against targets</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="108"/>
        <source>点击图中的数字，列出其中的户</source>
        <translation>Click a number in the chart to list its households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="119"/>
        <source>打开农户</source>
        <translation>Open household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="127"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="129"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="174"/>
        <source>本机还没有村、乡镇或区县</source>
        <translation>This computer holds no village, town or district yet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="192"/>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="193"/>
        <source>{0} {1}年 · 计算于 {2:%Y-%m-%d %H:%M} · 数据截至 {3}</source>
        <translation>{0} {1} · computed {2:%Y-%m-%d %H:%M} · data as of {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="210"/>
        <source>{0}：{1}户</source>
        <translation>{0}: {1} households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="247"/>
        <source>保存挂图</source>
        <translation>Save wall chart</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="247"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="257"/>
        <source>已生成挂图：{0}</source>
        <translation>Wall chart written: {0}</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213"/>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213"/>
        <source>{0}月</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="214"/>
        <source>达标月数</source>
        <translation>Months met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="244"/>
        <source>{0}年{1}月在村 {2} 天（要求不少于15天）</source>
        <translation>{1}/{0}: {2} days in the village (at least 15 required)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="247"/>
        <source>；队长已签字关闭本月</source>
        <translation>; closed by the team leader&apos;s signature</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110"/>
        <source>当前值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110"/>
        <source>当前值来自</source>
        <translation>Current value from</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="111"/>
        <source>另一值</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="111"/>
        <source>另一值来自</source>
        <translation>Other value from</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="133"/>
        <source>时钟超前</source>
        <translation>Clock ahead</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="133"/>
        <source>对方时钟 {0}</source>
        <translation>Other device&apos;s clock: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="134"/>
        <source>已校正为 {0}</source>
        <translation>Corrected to {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="137"/>
        <source>删除与修改：{0}</source>
        <translation>Deleted vs. edited: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="138"/>
        <location filename="../../fieldapp/gui/sync/models.py" line="148"/>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="106"/>
        <source>已锁定</source>
        <extracomment>tries allowed before each failure makes the next try wait (as the login service does) what counts as someone at the keyboard</extracomment>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>CrossCheckDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="47"/>
        <source>部门名单比对</source>
        <translation>Cross-check department lists</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="50"/>
        <source>民政、残联、医保等部门的名单（.xlsx 或 .csv，须有证件号码列）</source>
        <translation>A list from civil affairs, the disabled persons&apos; federation, medical insurance etc. (.xlsx or .csv, with an ID number column)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="51"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="54"/>
        <source>低保名单</source>
        <translation>Dibao list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="54"/>
        <source>特困供养名单</source>
        <translation>Extreme-hardship support list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="55"/>
        <source>残疾人名单</source>
        <translation>List of persons with disabilities</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="55"/>
        <source>医保参保名单</source>
        <translation>Medical insurance enrolment list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="57"/>
        <source>比对</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="68"/>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="70"/>
        <source>导出PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="85"/>
        <source>名单文件</source>
        <translation>List file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="90"/>
        <source>名单类别</source>
        <translation>List type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="104"/>
        <source>选择部门名单</source>
        <translation>Choose department list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="105"/>
        <source>电子表格 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="122"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="127"/>
        <source>请先选择名单文件</source>
        <translation>First choose a list file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="134"/>
        <source>正在比对…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="141"/>
        <source>比对完成，共 {0} 条需要核实</source>
        <translation>Comparison finished: {0} entries to verify</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="150"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="150"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="151"/>
        <source>保存比对报告</source>
        <translation>Save comparison report</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="169"/>
        <source>报告已保存：{0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="172"/>
        <source>正在保存报告…</source>
        <translation>Saving report…</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="31"/>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="35"/>
        <source>导入农户（Excel/CSV）…</source>
        <translation>Import households (Excel/CSV)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="36"/>
        <source>导入项目库…</source>
        <translation>Import project library…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="37"/>
        <source>导出为 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="39"/>
        <source>部门名单比对…</source>
        <translation>Check a department list…</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="135"/>
        <source>决定：{0}</source>
        <translation>Decide: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="151"/>
        <source>通过(&amp;P)</source>
        <translation>&amp;Pass</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="152"/>
        <source>不通过(&amp;F)</source>
        <translation>&amp;Fail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="153"/>
        <source>退回上一步(&amp;R)</source>
        <translation>&amp;Return to the previous step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="166"/>
        <source>不通过、退回、越过退出标准和处理冲突时必填</source>
        <translation>Required to fail, return, override the exit standard or settle a conflict</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="170"/>
        <source>不符合退出标准，仍拟退出（须写明理由并签字，记录中始终可见）(&amp;O)</source>
        <translation>&amp;Override: propose the exit although the standard is not met (with a signed reason, always shown in the record)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="217"/>
        <source>决定：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="220"/>
        <source>评议会议(&amp;M)：</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="222"/>
        <source>理由(&amp;Y)：</source>
        <translation>Reason (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="230"/>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="309"/>
        <source>确定并签字</source>
        <translation>Decide and sign</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="231"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="249"/>
        <source>{0}：到会 {1} 人，赞成 {2}、反对 {3}（{4} 户）</source>
        <translation>{0}: {1} present, {2} for, {3} against ({4} households)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="279"/>
        <source>{0}：“{1}”的步骤 {2} {3}（由{4}决定）</source>
        <translation>{0}: step {2} {3} of “{1}” (decided by {4})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="286"/>
        <source>本步骤有互相冲突的决定：本决定将处理冲突（须写明理由并签字），冲突的决定保留为已取代。</source>
        <translation>This step has conflicting decisions: this decision settles them (with a reason, signed); the conflicting decisions are kept as superseded.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="303"/>
        <source>将以本人签名密钥签字（签字背书），签字后不能修改或删除。</source>
        <translation>The decision will be signed with your signing key; once signed it cannot be changed or deleted.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="307"/>
        <source>本步骤不需签字；决定记录决定人、角色和时间，不能修改或删除。</source>
        <translation>This step needs no signature; the decision records who decided, their role and when, and cannot be changed or deleted.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="309"/>
        <source>确定</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="320"/>
        <source>请写明理由：不通过、退回、越过退出标准和处理冲突都须写明理由</source>
        <translation>Please give a reason: failing, returning, overriding the exit standard and settling a conflict all need one</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338"/>
        <source>不通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338"/>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="339"/>
        <source>已{0} {1} 户：{2}</source>
        <translation>{0} {1} household(s): {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="379"/>
        <source>不符合退出标准：{0}</source>
        <translation>The exit standard is not met: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="381"/>
        <source>确需退出的，勾选上方“仍拟退出”并写明理由，决定与理由一并签字。</source>
        <translation>If the exit is nevertheless needed, tick “Override” above and give a reason; the decision and the reason are signed together.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="383"/>
        <source>本账号没有越过退出标准的权限（{0}）。</source>
        <translation>This account may not override the exit standard ({0}).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="386"/>
        <source>{0} 起才能通过本步骤：{1}</source>
        <translation>This step can be passed from {0} on: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="206"/>
        <source>本步骤通过须附上“{0}”的照片（户主签字后拍照或扫描）。</source>
        <translation>To pass this step, attach a photo of the “{0}” (photographed or scanned once the head of household has signed).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="216"/>
        <source>一并决定的户：</source>
        <translation>Households decided together:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="226"/>
        <source>附件：</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="253"/>
        <source>没有评议过这些户的会议：先在“公示与评议”页的“评议会议”中登记评议会议（登记评议会议…），才能通过或不通过本步骤；退回不需要会议。</source>
        <translation>No meeting deliberated these households: record the meeting first on the “Notices and deliberation” page, “Meetings” tab (Record meeting…); only then can this step pass or fail. A send-back needs no meeting.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="282"/>
        <source>批量决定 {0} 户：“{1}”的步骤 {2} {3}（由{4}决定），一个理由、一个签字，全部决定或全部不决定。</source>
        <translation>Batch decision for {0} households: step {2} {3} of “{1}” (decided by {4}), one reason and one signature; all are decided or none.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="301"/>
        <source>将以本人签名密钥签一个字，覆盖这 {0} 户的全部决定（一个验证码），签字后不能修改或删除。</source>
        <translation>One signature with your signing key will cover the decisions of all {0} households (one verification code); once signed they cannot be changed or deleted.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="342"/>
        <source>（签字验证码 {0}）</source>
        <translation> (signature code {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="368"/>
        <source>批量决定未执行，{0} 户均未写入。以下 {1} 户不能决定：</source>
        <translation>The batch was not decided; none of the {0} households was written. These {1} households cannot be decided:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="371"/>
        <source>请在审核列表中去掉这些户，或处理上述问题后再决定。</source>
        <translation>Remove these households from the selection, or deal with the problems above, then decide again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="305"/>
        <source>附件的照片包含在签字内容中。</source>
        <translation> The attached photos are part of what is signed.</translation>
    </message>
</context>
<context>
    <name>DecimalEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="420"/>
        <source>请输入数字</source>
        <translation>Please enter a number</translation>
    </message>
</context>
<context>
    <name>DecisionModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185"/>
        <source>时间</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185"/>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185"/>
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186"/>
        <source>签字</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186"/>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="198"/>
        <source>通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="198"/>
        <source>不通过</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="199"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="212"/>
        <source>未签字（本步骤须签字）</source>
        <translation>Not signed (this step must be signed)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="212"/>
        <source>不需签字</source>
        <translation>No signature needed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="215"/>
        <source>签字未同步到本机</source>
        <translation>Signature not yet synced to this laptop</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="217"/>
        <source>签名无效：{0}</source>
        <translation>Invalid signature: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="220"/>
        <source>已签字，验证码 {0}</source>
        <translation>Signed, code {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="232"/>
        <source>互相冲突，待处理</source>
        <translation>Conflicting, to be settled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="234"/>
        <source>冲突中被处理决定取代</source>
        <translation>Superseded by the decision that settled the conflict</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="236"/>
        <source>越过退出标准</source>
        <translation>Exit standard overridden</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="238"/>
        <source>处理了 {0} 个冲突的决定</source>
        <translation>Settled {0} conflicting decisions</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="219"/>
        <source>已签字（批量决定，一个签字覆盖 {0} 户），验证码 {1}</source>
        <translation>Signed (batch decision: one signature for {0} households), code {1}</translation>
    </message>
</context>
<context>
    <name>DeliberatedModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149"/>
        <source>评议</source>
        <translation>Deliberated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149"/>
        <source>流程</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="150"/>
        <source>本户赞成</source>
        <translation>For (this household)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="150"/>
        <source>本户反对</source>
        <translation>Against (this household)</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="609"/>
        <source>登记拨付(&amp;D)</source>
        <translation>Record &amp;disbursement</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="617"/>
        <source>资金拨付 — {0}</source>
        <translation>Disbursement — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="621"/>
        <source>批复 / 已拨付：</source>
        <translation>Approved / disbursed:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="621"/>
        <source>{0} 元 / {1} 元</source>
        <translation>{0} yuan / {1} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="623"/>
        <source>拨付日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="625"/>
        <source>拨付金额：</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="629"/>
        <source>拨付对象：</source>
        <translation>Paid to:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="630"/>
        <source>拨给谁，如 镇财政所、合作社</source>
        <translation>Who receives it, e.g. the town finance office, a cooperative</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="631"/>
        <source>凭证号：</source>
        <translation>Voucher no.:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="635"/>
        <source>拨付日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="635"/>
        <source>拨付金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="637"/>
        <source>请填写拨付日期</source>
        <translation>Enter the disbursement date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="639"/>
        <source>请填写拨付金额</source>
        <translation>Enter the amount disbursed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="641"/>
        <source>请填写拨付对象（拨给谁）</source>
        <translation>Enter who is paid</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="644"/>
        <source>请填写凭证号</source>
        <translation>Enter the voucher number</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="646"/>
        <source>凭证号 {0} 已登记过（同一笔拨付不能重复登记）</source>
        <translation>Voucher {0} is already recorded (a disbursement is recorded once)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="662"/>
        <source>拨付已登记</source>
        <translation>Disbursement recorded</translation>
    </message>
</context>
<context>
    <name>DisclosureModel</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31"/>
        <source>公示内容</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31"/>
        <source>公示期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31"/>
        <source>张贴</source>
        <translation>Posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="32"/>
        <source>账目核对</source>
        <translation>Ledger check</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="32"/>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="33"/>
        <source>未张贴</source>
        <translation>Not posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="33"/>
        <source>已张贴，未到公示期</source>
        <translation>Posted, period not begun</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="34"/>
        <source>公示中</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="34"/>
        <source>公示期已满</source>
        <translation>Period over</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="35"/>
        <source>资金使用计划公示</source>
        <translation>Fund-use plan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="35"/>
        <source>项目公示</source>
        <translation>Project notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="36"/>
        <source>项目完成公告</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="36"/>
        <source>到户补助公示</source>
        <translation>Household subsidy notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="50"/>
        <source>未记录</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51"/>
        <source>一致</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51"/>
        <source>已过时</source>
        <translation>Out of date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51"/>
        <source>签字不符</source>
        <translation>Signature mismatch</translation>
    </message>
</context>
<context>
    <name>DisclosureObjectionDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="164"/>
        <source>登记异议</source>
        <translation>Record an objection</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="165"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="167"/>
        <source>姓名；匿名反映的写“匿名”</source>
        <translation>Name, or “anonymous”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="170"/>
        <source>异议内容</source>
        <translation>What the objection says</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="172"/>
        <source>{0}：{1}，公示期 {2} 至 {3}</source>
        <translation>{0}: {1}, period {2} to {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="176"/>
        <source>异议人(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="177"/>
        <source>内容(&amp;C)：</source>
        <translation>&amp;Content:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="178"/>
        <source>收到日期(&amp;D)：</source>
        <translation>Received on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="188"/>
        <source>已登记异议</source>
        <translation>Objection recorded</translation>
    </message>
</context>
<context>
    <name>DisclosureObjectionModel</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67"/>
        <source>公示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67"/>
        <source>异议人</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="77"/>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="77"/>
        <source>异议不成立</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="78"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>DisclosureRequest</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="203"/>
        <source>{0}，{1} 至 {2}</source>
        <translation>{0}, {1} to {2}</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="73"/>
        <source>签发资金公示…(&amp;F)</source>
        <translation>Issue a &amp;fund disclosure…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="74"/>
        <source>打印公示(&amp;N)</source>
        <translation>Print &amp;notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="75"/>
        <source>记录张贴…(&amp;S)</source>
        <translation>Record po&amp;sting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="76"/>
        <source>登记异议…(&amp;B)</source>
        <translation>Record o&amp;bjection…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="77"/>
        <source>办理异议…(&amp;J)</source>
        <translation>Handle ob&amp;jection…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="87"/>
        <source>对资金公示的异议：</source>
        <translation>Objections to fund disclosures:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="108"/>
        <source>本账号没有这项权限</source>
        <translation>This account does not have this permission</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="160"/>
        <source>尚未签发资金公示。金额取自项目台账，签发时签字。</source>
        <translation>No fund disclosure issued yet. Amounts come from the project ledger and are signed on issue.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="165"/>
        <source>……另有 {0} 处（fieldapp disclosure show 列出全部）</source>
        <translation>…and {0} more (fieldapp disclosure show lists them all)</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="130"/>
        <source>{0}组</source>
        <extracomment>the choices changed (the page re-checks whether it can generate)</extracomment>
        <translation>Group {0}</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="40"/>
        <source>抽取抽查样本</source>
        <translation>Draw a spot-check sample</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="44"/>
        <source>（乡镇）</source>
        <translation> (town)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="44"/>
        <source>（村）</source>
        <translation> (village)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="48"/>
        <source>乡镇审核</source>
        <translation>Township review</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="48"/>
        <source>区县审批</source>
        <translation>District review</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="53"/>
        <source>留空则随机生成</source>
        <translation>Leave empty for a random seed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="56"/>
        <source>不分层</source>
        <translation>No strata</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="57"/>
        <source>按村分层</source>
        <translation>By village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="58"/>
        <source>按户类型分层（兜底户/脱贫户）</source>
        <translation>By household type (safety-net / development)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="65"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="66"/>
        <source>抽查角色</source>
        <translation>Review role</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="67"/>
        <source>抽查比例</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="69"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="70"/>
        <source>分层</source>
        <translation>Strata</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="72"/>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="78"/>
        <source>同一种子和抽样框总能抽出同一样本；种子和抽样框校验值随抽样记录，任何人都可复核。</source>
        <translation>The same seed and frame always draw the same sample; the seed and the frame hash are recorded with the draw, so anyone can re-draw it.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="89"/>
        <source>最低比例：{0}%</source>
        <translation>Minimum rate: {0}%</translation>
    </message>
</context>
<context>
    <name>DrawModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61"/>
        <source>抽样时间</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61"/>
        <source>比例</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61"/>
        <source>抽中</source>
        <translation>Drawn</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61"/>
        <source>已查</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="62"/>
        <source>不正确</source>
        <translation>Incorrect</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="62"/>
        <source>抽样人</source>
        <translation>Drawn by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="66"/>
        <source>{0}/{1} 户</source>
        <translation>{0}/{1} households</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23"/>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23"/>
        <source>人口</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="24"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="24"/>
        <source>脱贫状态</source>
        <translation>Exit status</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="206"/>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="207"/>
        <source>编辑项目 — {0}</source>
        <translation>Edit project — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="223"/>
        <source>计划工期：</source>
        <translation>Planned:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="240"/>
        <source>预算（按资金渠道）：</source>
        <translation>Budget by funding channel:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="241"/>
        <source>不填则为各渠道合计</source>
        <translation>Blank: the sum of the channels</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="244"/>
        <source>实际工期：</source>
        <translation>Actual:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="263"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="279"/>
        <source>请选择项目所属的村或乡镇</source>
        <translation>Choose the project&apos;s village or town</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="281"/>
        <source>请填写项目名称</source>
        <translation>Enter the project name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="283"/>
        <source>请选择项目类型</source>
        <translation>Choose the project type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="285"/>
        <source>请填写实施单位</source>
        <translation>Enter the implementing unit</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="68"/>
        <source>请检查服务器地址是否正确、本机是否联网。</source>
        <translation>Please check that the server address is correct and that this computer is online.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="70"/>
        <source>本机已加入另一台区县服务器。如确需改为加入这台服务器，请勾选“改为加入这台服务器”后重试。</source>
        <translation>This computer is already enrolled with another district server. If you really want to enrol with this server instead, tick “Enrol with this server instead” and try again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="73"/>
        <source>本机已被区县服务器吊销，不能再用这台笔记本的身份加入。</source>
        <translation>This computer has been revoked by the district server; this laptop&apos;s identity can no longer be used to enrol.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="77"/>
        <source>未能加入：{0}</source>
        <translation>Could not enrol: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="105"/>
        <source>加入区县服务器</source>
        <extracomment>the server answered; its fingerprint is shown (the health answer) enrolled (:class:`EnrolResult`); the dialog closes a step failed (the exception); the error is shown in the dialog</extracomment>
        <translation>Enrol with district server</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="106"/>
        <source>请输入区县管理员给的服务器地址和一次性加入码。先核对服务器指纹，确认无误后再加入：加入码只能使用一次。</source>
        <translation>Enter the server address and the one-time enrolment code from the district administrator. Check the server fingerprint first and enrol only once it is correct: the enrolment code can be used only once.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="113"/>
        <source>{0}的笔记本</source>
        <translation>{0}&apos;s laptop</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="114"/>
        <source>改为加入这台服务器（替换已加入的 {0}）</source>
        <translation>Enrol with this server instead (replacing {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="127"/>
        <source>连接并核对指纹</source>
        <translation>Connect and check fingerprint</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="129"/>
        <source>确认加入</source>
        <translation>Confirm enrolment</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="136"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="147"/>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="148"/>
        <source>加入码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="149"/>
        <source>本机名称</source>
        <translation>Computer name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="201"/>
        <source>请输入服务器地址。</source>
        <translation>Please enter the server address.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="204"/>
        <source>正在连接 {0}…</source>
        <translation>Connecting to {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="228"/>
        <source>区县服务器</source>
        <translation>District server</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="229"/>
        <source>服务器“{0}”（{1}）的指纹：
{2}
请与区县管理员核对指纹完全一致后，再点“确认加入”。</source>
        <translation>Fingerprint of server “{0}” ({1}):
{2}
Check with the district administrator that the fingerprint matches exactly, then click “Confirm enrolment”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="244"/>
        <source>请输入加入码。</source>
        <translation>Please enter the enrolment code.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="249"/>
        <source>正在加入…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="255"/>
        <source>服务器的回答与刚才核对的指纹不同：可能有人冒充服务器，已拒绝，未加入</source>
        <translation>The server&apos;s answer does not match the fingerprint just checked: someone may be impersonating the server. Refused; not enrolled</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="58"/>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="179"/>
        <source>导出为 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60"/>
        <source>农户及家庭成员（可再导入）</source>
        <translation>Households and family members (can be re-imported)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60"/>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="132"/>
        <source>村台账</source>
        <translation>Village ledger</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60"/>
        <source>包扶纪实档案</source>
        <translation>Assistance archive</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="61"/>
        <source>驻村考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="63"/>
        <source>按“农户”页当前的筛选和搜索</source>
        <translation>Use the current filter and search on the Households page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="71"/>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="73"/>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="74"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="80"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="83"/>
        <source>导出内容</source>
        <translation>What to export</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="85"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="86"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="87"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="132"/>
        <source>农户及家庭成员</source>
        <translation>Households_and_members</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="133"/>
        <source>包扶纪实档案_{0}</source>
        <translation>Assistance_archive_{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="134"/>
        <source>驻村考勤_{0}年</source>
        <translation>Attendance_{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="142"/>
        <source>已导出村台账（{0} 户）：{1}</source>
        <translation>Exported village ledger ({0} households): {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="143"/>
        <source>已导出包扶纪实档案：{0}</source>
        <translation>Exported assistance archive: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="144"/>
        <source>已导出驻村考勤：{0}</source>
        <translation>Exported attendance: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="145"/>
        <source>请选择干部</source>
        <translation>Please select a cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="169"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="180"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="206"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="117"/>
        <source>导出到U盘</source>
        <translation>Export to USB drive</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="120"/>
        <source>全区县</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="120"/>
        <source>{0} 个村</source>
        <translation>{0} villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="121"/>
        <source>{0}（{1}，待发送 {2} 条）</source>
        <translation>{0} ({1}, {2} changes to send)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="128"/>
        <source>同步包已加密，只有接收方能打开。请把U盘交给接收方导入。</source>
        <translation>The sync package is encrypted; only the recipient can open it. Hand the USB drive to the recipient to import it.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="126"/>
        <source>接收方：</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="127"/>
        <source>写入到：</source>
        <translation>Write to:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="128"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="129"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="140"/>
        <source>还没有登记任何同步对象（区县）。请先登记区县，或运行 fieldapp demo。</source>
        <translation>No sync partner (district) has been registered yet. Register the district first, or run fieldapp demo.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="142"/>
        <source>请选择U盘或文件夹。</source>
        <translation>Please choose a USB drive or folder.</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="23"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="23"/>
        <source>数量</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81"/>
        <source>问题</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81"/>
        <source>名单行号</source>
        <translation>List row</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81"/>
        <source>姓名（名单）</source>
        <translation>Name (list)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81"/>
        <source>姓名（登记册）</source>
        <translation>Name (register)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82"/>
        <source>户主</source>
        <translation>Household head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="104"/>
        <source>设置第一个账号</source>
        <translation>Set up the first account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="106"/>
        <source>这台电脑还没有账号。请为本机的包扶干部设置登录密码：这个账号是本机的队长和管理员，可以为队员添加账号。</source>
        <translation>This laptop has no account yet. Set a login password for its cadre: this account is the laptop&apos;s team leader and administrator and can add accounts for team members.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="115"/>
        <source>账号(&amp;N)：</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="116"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="117"/>
        <source>再输一遍(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="119"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="120"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="132"/>
        <source>请填写账号。</source>
        <translation>Please enter the account name.</translation>
    </message>
</context>
<context>
    <name>FolderPicker</name>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="42"/>
        <source>U盘 {0}（{1}，可用 {2}）</source>
        <translation>USB drive {0} ({1}, {2} free)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="44"/>
        <source>［只读］</source>
        <translation> [read-only]</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="54"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="74"/>
        <source>选择U盘或文件夹</source>
        <translation>Choose USB drive or folder</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="207"/>
        <source>添加事项</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="208"/>
        <source>删除事项</source>
        <translation>Delete item</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="99"/>
        <source>日期应为 年-月-日，如 2024-03-05</source>
        <translation>Dates are year-month-day, e.g. 2024-03-05</translation>
    </message>
</context>
<context>
    <name>HandleDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="111"/>
        <source>办理异议</source>
        <translation>Handle objection</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="112"/>
        <source>办结</source>
        <translation>Conclude</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="113"/>
        <source>{0}：{1} 收到 {2} 的异议：{3}</source>
        <translation>{0}: objection from {2} received {1}: {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="116"/>
        <source>办理情况：如何核实、结论是什么</source>
        <translation>Handling: how it was verified and what was concluded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="117"/>
        <source>异议成立(&amp;U)</source>
        <translation>Objection &amp;upheld</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="118"/>
        <source>异议不成立(&amp;M)</source>
        <translation>Objection dis&amp;missed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="131"/>
        <source>办理情况(&amp;H)：</source>
        <translation>&amp;Handling:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="132"/>
        <source>结果：</source>
        <translation>Result:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="133"/>
        <source>办结日期(&amp;D)：</source>
        <translation>Concluded on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="136"/>
        <source>异议成立的，由该步骤的决定人退回或不通过该步骤并写明理由。</source>
        <translation>If the objection is upheld, the step&apos;s decider returns or fails the step with a reason.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="146"/>
        <source>请选择办理结果：异议成立或异议不成立</source>
        <translation>Choose the result: objection upheld or dismissed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="151"/>
        <source>已办结异议</source>
        <translation>Objection concluded</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43"/>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43"/>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="44"/>
        <source>填报人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="44"/>
        <source>设备</source>
        <translation>Device</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="130"/>
        <source>新增农户保存后才有变更记录。</source>
        <translation>The change history is available once the new household has been saved.</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144"/>
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144"/>
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144"/>
        <source>两不愁三保障</source>
        <translation>Two assurances, three guarantees</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145"/>
        <source>帮扶措施</source>
        <translation>Assistance measures</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145"/>
        <source>包扶责任</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145"/>
        <source>生产生活条件</source>
        <translation>Living conditions</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="148"/>
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="149"/>
        <source>动态管理</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="150"/>
        <source>资产收益</source>
        <translation>Asset income</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="151"/>
        <source>变更记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="159"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="161"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="162"/>
        <source>保存并关闭 (Ctrl+S)</source>
        <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="197"/>
        <source>请先保存修改再签字</source>
        <translation>Save your changes before signing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="240"/>
        <source>新增农户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="242"/>
        <source>农户档案 — {0}</source>
        <translation>Household file — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="244"/>
        <source>农户档案</source>
        <translation>Household file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="291"/>
        <source>有 {0} 处需要更正。第一处：{1}</source>
        <translation>{0} problems to correct. First: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="307"/>
        <source>{0} 第{1}行 {2}</source>
        <translation>{0} row {1} {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="376"/>
        <source>已保存农户档案：{0}</source>
        <translation>Household record saved: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="376"/>
        <source>已保存农户档案</source>
        <translation>Household record saved</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="407"/>
        <source>家庭成员 {0}：{1}</source>
        <translation>Member {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="409"/>
        <source>{0}年收入：{1}</source>
        <translation>Income {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="411"/>
        <source>两不愁三保障 {0}：{1}</source>
        <translation>Basic needs {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="413"/>
        <source>帮扶措施 {0}：{1}</source>
        <translation>Support measure {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="427"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="427"/>
        <source>本户档案有未保存的修改。要保存吗？</source>
        <translation>This household file has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>HouseholdFileForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="225"/>
        <source>户编号、公示牌编码或户主姓名</source>
        <translation>Household no., door plate code or head&apos;s name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="228"/>
        <source>用农户页的当前户</source>
        <translation>Use the current household of the Households page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="232"/>
        <source>显示完整证件号码（仅供内部存档，不得公开）</source>
        <translation>Show full ID numbers (internal records only, never for public display)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="233"/>
        <source>显示完整银行账号</source>
        <translation>Show full bank account numbers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="234"/>
        <source>银行账号属于敏感信息：仅在发放补贴等确需时打印，打印件须专人保管，不得张贴、拍照外传。</source>
        <translation>Bank account numbers are sensitive: print them only when really needed (e.g. paying subsidies); keep the printout safe and never post, photograph or pass it on.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="243"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="255"/>
        <source>未选择农户</source>
        <translation>No household selected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="256"/>
        <source>找不到这一户（可输入户编号、公示牌编码或户主姓名）</source>
        <translation>Household not found (enter a household no., door plate code or head&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="258"/>
        <source>户主 {0}，户编号 {1}，{2}组</source>
        <translation>Head {0}, household no. {1}, group {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="286"/>
        <source>请先选择农户（户编号、公示牌编码或户主姓名）</source>
        <translation>First select a household (household no., door plate code or head&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="288"/>
        <source>一户一档-{0}-{1}</source>
        <translation>Household file - {0} - {1}</translation>
    </message>
</context>
<context>
    <name>HouseholdListPage</name>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="78"/>
        <source>新增农户</source>
        <extracomment>the empty list&apos;s 导入农户 was chosen (the main window opens its import dialog)</extracomment>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="98"/>
        <source>还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。</source>
        <translation>No households yet. Import them from a spreadsheet exported from the national system, or add them one by one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="99"/>
        <source>导入农户…</source>
        <translation>Import households…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="99"/>
        <source>新建农户…</source>
        <translation>New household…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="104"/>
        <source>搜索：姓名 / 拼音首字母 / 身份证号 / 户编号</source>
        <translation>Search: name / pinyin initials / ID number / household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="116"/>
        <location filename="../../fieldapp/gui/household_list.py" line="121"/>
        <location filename="../../fieldapp/gui/household_list.py" line="123"/>
        <location filename="../../fieldapp/gui/household_list.py" line="125"/>
        <location filename="../../fieldapp/gui/household_list.py" line="127"/>
        <location filename="../../fieldapp/gui/household_list.py" line="140"/>
        <location filename="../../fieldapp/gui/household_list.py" line="277"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="279"/>
        <source>{0}组</source>
        <translation>Group {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="285"/>
        <source>共 {0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="287"/>
        <source>超过 {0} 户</source>
        <translation>More than {0} households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="403"/>
        <source>公示牌编码无效：{0}</source>
        <translation>Invalid door plate code: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="416"/>
        <source>本机没有这个公示牌编码的户</source>
        <translation>No household with this door plate code on this computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="144"/>
        <source>{0}（全部环节）</source>
        <translation>{0} (every step)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="192"/>
        <source>流程/环节</source>
        <translation>Workflow/step</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../fieldapp/gui/visits/picker.py" line="33"/>
        <source>，{0}组</source>
        <translation>, group {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/picker.py" line="47"/>
        <source>搜索农户：姓名 / 拼音首字母 / 身份证号 / 户编号</source>
        <translation>Search households: name / pinyin initials / ID number / household no.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="177"/>
        <source>户主</source>
        <translation>Household head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="177"/>
        <source>人口</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="179"/>
        <source>人均纯收入(元)</source>
        <translation>Per capita income (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="213"/>
        <source>{0}年度</source>
        <translation>Year {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="178"/>
        <source>流程/环节</source>
        <translation>Workflow/step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="224"/>
        <source>{0}（有冲突）</source>
        <translation>{0} (conflict)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="227"/>
        <source>，{0}年脱贫</source>
        <translation>, exited in {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="229"/>
        <source>由流程确定{0}</source>
        <translation>Decided by a workflow{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="230"/>
        <source>导入的状态{0}（没有办结的流程）</source>
        <translation>Imported status{0} (no finished workflow)</translation>
    </message>
</context>
<context>
    <name>IdleLockDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="303"/>
        <source>自动锁定</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="308"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="309"/>
        <source>不自动锁定</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="310"/>
        <source>多长时间没有键盘或鼠标操作后锁定，需重新输入密码。</source>
        <translation>Lock after this long without keyboard or mouse input; the password is then needed again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="313"/>
        <source>锁定时间(&amp;T)：</source>
        <translation>Lock &amp;after:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="315"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="316"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="76"/>
        <source>导入农户</source>
        <extracomment>the import was written (its :class:`ApplyResult`) a dry run is ready (its :class:`Plan`)</extracomment>
        <translation>Import households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="85"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="100"/>
        <source>国家系统导出的农户成员表（.xlsx 或 .csv）</source>
        <translation>Household member table exported from the national system (.xlsx or .csv)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="101"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="104"/>
        <source>（表中须有“行政村”列）</source>
        <translation>(the table must have an administrative village column)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="107"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="114"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="115"/>
        <source>表中没有行政村时，新户归入</source>
        <translation>New households without a village go to</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="118"/>
        <source>按户编号和证件号码与本机的户和成员对应：同一文件再次导入不会重复登记。表中空白的单元格不会清除本机已有的内容。导入前会先预览，确认后才写入。</source>
        <translation>Rows are matched to the households and members on this computer by household no. and ID number: importing the same file again does not register anyone twice. Blank cells in the table do not clear existing data on this computer. The import is previewed first and written only after you confirm.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137"/>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154"/>
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="124"/>
        <source>表中可以有这些列（表头写法不必完全一样，下一步可以改）：</source>
        <translation>The file may have these columns (headers need not match exactly; you can change the mapping in the next step):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137"/>
        <source>也可写作</source>
        <translation>Also written as</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137"/>
        <source>每行是</source>
        <translation>Each row is</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="142"/>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="142"/>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="145"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154"/>
        <source>示例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="155"/>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="161"/>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="193"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="163"/>
        <source>预览（试导入）</source>
        <translation>Preview (dry run)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="180"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181"/>
        <source>无变化</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="182"/>
        <source>拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="195"/>
        <source>保存被拒绝的行…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="197"/>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="161"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="201"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="221"/>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="222"/>
        <source>电子表格 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="242"/>
        <source>已取消，没有写入任何内容</source>
        <translation>Cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="248"/>
        <source>请先选择文件</source>
        <translation>First choose a file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="251"/>
        <source>正在读取表头…</source>
        <translation>Reading the header…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="255"/>
        <source>工作表“{0}”，表头在第{1}行。请核对每一列导入为什么；不需要的列选“不导入”。</source>
        <translation>Sheet “{0}”, header in row {1}. Check what each column is imported as; choose “Don&apos;t import” for columns you do not need.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="265"/>
        <source>不导入</source>
        <translation>Don&apos;t import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="299"/>
        <source>还须指定：{0}</source>
        <translation>Still to assign: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="301"/>
        <source>同一字段指定给了多列：{0}</source>
        <translation>Assigned to more than one column: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="317"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="324"/>
        <source>新增 {0} 户（{1} 人），更新 {2} 户，无变化 {3} 户，拒绝 {4} 户</source>
        <translation>{0} new households ({1} persons), {2} updated, {3} unchanged, {4} rejected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="330"/>
        <source>这是预览，尚未写入。确认无误后点“导入”。</source>
        <translation>This is a preview; nothing has been written yet. If it is correct, click “Import”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="331"/>
        <source>没有需要写入的内容。</source>
        <translation>Nothing to write.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="344"/>
        <source>_被拒绝的行.xlsx</source>
        <translation>_rejected_rows.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="345"/>
        <source>保存被拒绝的行</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="346"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="356"/>
        <source>已保存 {1} 行到 {0}；改正后可再次导入</source>
        <translation>Saved {1} rows to {0}; correct them and import again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="357"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="369"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="368"/>
        <source>已导入：新增 {0} 户，更新 {1} 户</source>
        <translation>Imported: {0} households added, {1} updated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="153"/>
        <source>从U盘导入</source>
        <translation>Import from USB drive</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="156"/>
        <source>改为选择文件…</source>
        <translation>Choose files instead…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="160"/>
        <source>将导入该文件夹中发给本机的全部同步包（按时间先后）。已导入过的同步包不会重复应用。</source>
        <translation>All sync packages in this folder addressed to this computer will be imported, oldest first. Packages already imported are not applied again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="159"/>
        <source>从：</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="161"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="170"/>
        <source>选择同步包</source>
        <translation>Choose sync packages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="170"/>
        <source>同步包 (*.fapk)</source>
        <translation>Sync packages (*.fapk)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="181"/>
        <source>请选择U盘或文件夹。</source>
        <translation>Please choose a USB drive or folder.</translation>
    </message>
</context>
<context>
    <name>IncomeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="155"/>
        <source>收益及分配 — {0}</source>
        <translation>Income and distribution — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="167"/>
        <source>按比例平均分配(&amp;A)</source>
        <translation>Share &amp;evenly</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="168"/>
        <source>清空分配</source>
        <translation>Clear shares</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="170"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="170"/>
        <source>分配金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="181"/>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="182"/>
        <source>收益（元）(&amp;I)</source>
        <translation>&amp;Income (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="183"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="185"/>
        <source>分到户的比例</source>
        <translation>Share for households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="248"/>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="262"/>
        <source>有分配金额不是有效的金额（元）</source>
        <translation>A share is not a valid amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="252"/>
        <source>分配到户 {0} 户，合计 {1} 元；收益 {2} 元；村集体留存 {3} 元</source>
        <translation>{0} households get {1} yuan in all; income {2} yuan; kept by the collective {3} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="259"/>
        <source>请填写收益（元）</source>
        <translation>Enter the income (yuan)</translation>
    </message>
</context>
<context>
    <name>IncomeModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="93"/>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="137"/>
        <source>自动计算，不能填写</source>
        <translation>Calculated automatically, cannot be edited</translation>
    </message>
</context>
<context>
    <name>IncomeTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="215"/>
        <source>添加年度(&amp;N)</source>
        <translation>Add &amp;year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="216"/>
        <source>删除所选年度</source>
        <translation>Delete selected year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="221"/>
        <source>金额单位：元。家庭纯收入 = 各项收入 − 生产经营性支出；人均纯收入 = 家庭纯收入 ÷ 人口数。</source>
        <translation>Amounts in yuan. Household net income = all income − production costs; net income per person = household net income ÷ persons.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="226"/>
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="244"/>
        <source>请先选择年度</source>
        <translation>First select a year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="250"/>
        <source>{0}年已有收入记录</source>
        <translation>Income for {0} already exists</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/indicators_tab.py" line="75"/>
        <source>未核查</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>IssueDisclosureDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="54"/>
        <source>签发资金公示</source>
        <translation>Issue a fund disclosure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="55"/>
        <source>签发并签字</source>
        <translation>Issue and sign</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="57"/>
        <source>资金使用计划公示（村、年度）</source>
        <translation>Fund-use plan (village, year)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="58"/>
        <source>项目公示（开工前）</source>
        <translation>Project notice (before work starts)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="59"/>
        <source>项目完成公告（验收合格后）</source>
        <translation>Completion notice (after a passed acceptance)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="60"/>
        <source>到户补助公示（项目，或村、年度）</source>
        <translation>Household subsidy notice (project, or village and year)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="69"/>
        <source>—（按村和年度）</source>
        <translation>— (by village and year)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="76"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="78"/>
        <source>如：村委会办公室 王主任 139…</source>
        <translation>e.g. village office, Director Wang, 139…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="79"/>
        <source>签发后打印(&amp;P)</source>
        <translation>&amp;Print after issuing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="82"/>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="83"/>
        <source>项目(&amp;J)：</source>
        <translation>Pro&amp;ject:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="84"/>
        <source>村(&amp;V)：</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="85"/>
        <source>年度(&amp;Y)：</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="86"/>
        <source>公示开始(&amp;S)：</source>
        <translation>&amp;Starts on:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="87"/>
        <source>公示天数(&amp;D)：</source>
        <translation>&amp;Days:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="88"/>
        <source>异议受理(&amp;C)：</source>
        <translation>Objections to (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="89"/>
        <source>金额取自项目台账，不能手工填写；签发人以本人签名密钥签字，打印件带验证二维码。公示期不得少于 {0} 天。签发后账目有变动的，公示显示为已过时，须重新签发。</source>
        <translation>Amounts come from the project ledger and cannot be typed; the issuer signs with their own key and the print carries a verification QR code. The period is at least {0} days. If the ledger changes after issue, the notice shows as out of date and must be issued again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="115"/>
        <source>请选择项目</source>
        <translation>Choose a project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="126"/>
        <source>已签发{0}：{1} 至 {2}</source>
        <translation>Issued {0}: {1} to {2}</translation>
    </message>
</context>
<context>
    <name>IssueNoticeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="31"/>
        <source>签发公示</source>
        <translation>Issue notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="32"/>
        <source>签发并签字</source>
        <translation>Issue and sign</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="37"/>
        <source>签发后打印(&amp;P)</source>
        <translation>&amp;Print after issuing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="39"/>
        <source>公示由签发人以本人签名密钥签字，打印件带验证二维码；签发后不能修改，张贴后记录张贴日期。</source>
        <translation>The notice is signed with the issuer&apos;s own signing key and printed with a verification QR code; it cannot be changed once issued. Record the posting date once it is put up.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="57"/>
        <source>已签发的公示 {0}（{1} 至 {2}）已列入处于该步骤的户：请在列表中选中它打印，不必重新签发。</source>
        <translation>Notice {0} ({1} to {2}) already lists the households at this step: select it in the list to print it; no need to issue it again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="70"/>
        <source>已签发公示：{0} 户，{1} 至 {2}</source>
        <translation>Notice issued: {0} households, {1} to {2}</translation>
    </message>
</context>
<context>
    <name>ItemModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78"/>
        <source>抽样时的记录</source>
        <translation>As recorded at the draw</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78"/>
        <source>结果</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93"/>
        <source>正确</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93"/>
        <source>不正确</source>
        <translation>Incorrect</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93"/>
        <source>未查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="94"/>
        <source>（有照片）</source>
        <translation> (photo)</translation>
    </message>
</context>
<context>
    <name>LateCheckInModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294"/>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294"/>
        <source>在村日期</source>
        <translation>Day in the village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294"/>
        <source>登记日期</source>
        <translation>Entered on</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="303"/>
        <source>{0} 天后才登记：队长确认后计入在村天数</source>
        <translation>Entered {0} days later: counts once the team leader confirms it</translation>
    </message>
</context>
<context>
    <name>LeaderModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261"/>
        <source>要求次数</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261"/>
        <source>本人签字的走访</source>
        <translation>Visits signed by themselves</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="262"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="262"/>
        <source>未经本人签字（不计）</source>
        <translation>Not signed by themselves (not counted)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="278"/>
        <source>单位领导本人登录并对走访记录签字背书后才计入</source>
        <translation>A visit counts once the unit leader logs in and signs it</translation>
    </message>
</context>
<context>
    <name>LedgerForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="81"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="90"/>
        <source>与“农户”页当前的筛选和搜索相同</source>
        <translation>Same as the current filter and search on the Households page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="93"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="93"/>
        <source>组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="94"/>
        <source>脱贫状态</source>
        <translation>Exit status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="94"/>
        <source>贫困户属性</source>
        <translation>Household type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="95"/>
        <source>主要致贫原因</source>
        <translation>Main cause of poverty</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="120"/>
        <source>全部村</source>
        <translation>All villages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="121"/>
        <source>村台账-{0}</source>
        <translation>Village ledger - {0}</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31"/>
        <source>资产名称</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31"/>
        <source>价值（元）</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32"/>
        <source>产权归属</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32"/>
        <source>管护主体</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32"/>
        <source>累计收益（元）</source>
        <translation>Income (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="33"/>
        <source>累计分配（元）</source>
        <translation>Distributed (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="33"/>
        <source>所属项目</source>
        <translation>Project</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="734"/>
        <source>关联(&amp;L)</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="742"/>
        <source>关联项目</source>
        <translation>Link to a project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="750"/>
        <source>（不关联项目）</source>
        <translation>(no project)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="752"/>
        <source>只列出本户是受益户的项目；措施的资金渠道须在项目预算中。</source>
        <translation>Only projects this household benefits from are listed; the measure&apos;s funding channel must be in the project&apos;s budget.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="759"/>
        <source>本户还不是任何项目的受益户：先在“项目库”里把它加为受益户</source>
        <translation>This household benefits from no project yet: add it as a beneficiary under “Projects” first</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="761"/>
        <source>请选择另一个项目（或“不关联项目”）</source>
        <translation>Choose another project (or “no project”)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="772"/>
        <source>措施的项目已保存</source>
        <translation>The measure&apos;s project was saved</translation>
    </message>
</context>
<context>
    <name>ListFormTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="193"/>
        <source>确认删除</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="194"/>
        <source>确定删除“{0}”吗？保存后生效。</source>
        <translation>Delete “{0}”? Takes effect when saved.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="195"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="195"/>
        <source>不删除</source>
        <translation>Don&apos;t delete</translation>
    </message>
</context>
<context>
    <name>ListPrintActions</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="33"/>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="53"/>
        <source>打印门牌…</source>
        <translation>Print door plates…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="35"/>
        <source>打印一户一档…</source>
        <translation>Print household file…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="40"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="52"/>
        <source>打印门牌（选中的 {0} 户）…</source>
        <translation>Print door plates ({0} selected households)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="64"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="85"/>
        <source>信息公示牌-选中{0}户</source>
        <translation>Door plates - {0} selected households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="87"/>
        <source>信息公示牌-{0}</source>
        <translation>Door plates - {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="98"/>
        <source>一户一档-{0}</source>
        <translation>Household file - {0}</translation>
    </message>
</context>
<context>
    <name>LivingTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="21"/>
        <source>土地与住房</source>
        <translation>Land and housing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="22"/>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="23"/>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="24"/>
        <source>亩</source>
        <translation>mu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="25"/>
        <source>平方米</source>
        <translation>m²</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="27"/>
        <source>水电路与燃料</source>
        <translation>Water, power, roads and fuel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="31"/>
        <source>公里</source>
        <translation>km</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="33"/>
        <source>易地搬迁</source>
        <translation>Relocation</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="198"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="199"/>
        <source>驻村帮扶工作台</source>
        <translation>FieldApp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="95"/>
        <source>工作台</source>
        <extracomment>the unsynced-change count was refreshed (the new count) the one change notification: every write is announced here, every page listens</extracomment>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="97"/>
        <source>农户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="99"/>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="101"/>
        <source>考勤</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="105"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="163"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="178"/>
        <source>汇总上报</source>
        <translation>Summaries</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="192"/>
        <source>资产台账</source>
        <translation>Asset ledger</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="214"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="252"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="253"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="259"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="260"/>
        <source>门牌样式…</source>
        <translation>Door plate style…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="262"/>
        <location filename="../../fieldapp/gui/main_window.py" line="312"/>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="276"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="280"/>
        <location filename="../../fieldapp/gui/main_window.py" line="328"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="308"/>
        <source>界面语言已设为“{0}”，重新启动 FieldApp 后生效。</source>
        <translation>Interface language set to “{0}”; takes effect after restarting FieldApp.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="310"/>
        <source>界面语言已设为“{0}”，但该语言的翻译文件尚未提供，重新启动后界面仍显示简体中文。</source>
        <translation>Interface language set to “{0}”, but its translation file is not available yet; after restarting, the interface stays in Simplified Chinese.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="318"/>
        <source>（尚未创建）</source>
        <translation>(not created yet)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="320"/>
        <source>驻村帮扶工作台 FieldApp {0}</source>
        <translation>Village Assistance Workbench FieldApp {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="322"/>
        <source>数据文件夹：{0}</source>
        <translation>Data folder: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="323"/>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="324"/>
        <source>设备编号：{0}</source>
        <translation>Device ID: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="340"/>
        <source>包扶干部：{0}</source>
        <translation>Paired cadre: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="342"/>
        <source>村：{0}</source>
        <translation>Village: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="343"/>
        <source>未同步修改 … 条</source>
        <translation>Unsynced changes: …</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="372"/>
        <source>未同步修改 {0} 条</source>
        <translation>Unsynced changes: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="153"/>
        <source>抽查</source>
        <translation>Spot checks</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="199"/>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="170"/>
        <source>挂图作战</source>
        <translation>Wall charts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="208"/>
        <source>公示与评议</source>
        <translation>Notices and deliberation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="185"/>
        <source>项目库</source>
        <translation>Projects</translation>
    </message>
</context>
<context>
    <name>MeasureProjects</name>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="60"/>
        <source>关联项目(&amp;J)…</source>
        <extracomment>a measure&apos;s project was saved (measure id, project id or None)</extracomment>
        <translation>Link to pro&amp;ject…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="62"/>
        <location filename="../../fieldapp/gui/projects/measures.py" line="128"/>
        <source>各年度收到的帮扶资金（按资金渠道，已保存的措施）</source>
        <translation>Assistance received per year (by funding channel, saved measures)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="109"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="109"/>
        <source>未注明渠道</source>
        <translation>No channel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="111"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="115"/>
        <source>未注明日期</source>
        <translation>Undated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="126"/>
        <source>各年度收到的帮扶资金：还没有填写金额的措施</source>
        <translation>Assistance received per year: no measure with an amount yet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="152"/>
        <source>您的账户没有修改档案的权限</source>
        <translation>Your account may not edit the register</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="154"/>
        <source>请先选中一条措施</source>
        <translation>Select a measure first</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="157"/>
        <source>新措施保存后才能关联项目</source>
        <translation>A new measure can be linked to a project once saved</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="159"/>
        <source>请先保存对这条措施的修改，再关联项目</source>
        <translation>Save the changes to this measure before linking it to a project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="165"/>
        <source>说明这条措施属于哪个项目</source>
        <translation>Say which project this measure belongs to</translation>
    </message>
</context>
<context>
    <name>MeasuresTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54"/>
        <source>添加措施(&amp;A)</source>
        <translation>&amp;Add measure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54"/>
        <source>编辑措施(&amp;E)</source>
        <translation>&amp;Edit measure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54"/>
        <source>删除措施(&amp;D)</source>
        <translation>&amp;Delete measure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="67"/>
        <source>前五项为“五个一批”脱贫路径</source>
        <translation>The first five are the “five batches” exit paths</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="69"/>
        <source>新添加的成员保存后才能选择</source>
        <translation>Newly added members can be selected after saving</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="82"/>
        <source>（未填内容）</source>
        <translation>(no content)</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="46"/>
        <source>登记评议会议</source>
        <translation>Record deliberation meeting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="47"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="68"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="70"/>
        <source>到会代表姓名，以顿号分隔</source>
        <translation>Names of the representatives present, separated by 、</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="76"/>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="78"/>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="83"/>
        <source>会议纪要：议程、逐户介绍情况、表决方式</source>
        <translation>Minutes: agenda, each household presented, how the vote was taken</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="87"/>
        <source>村(&amp;V)：</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="88"/>
        <source>会议日期(&amp;D)：</source>
        <translation>Meeting &amp;date:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="89"/>
        <source>到会代表(&amp;N)：</source>
        <translation>Representatives prese&amp;nt:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="90"/>
        <source>代表姓名：</source>
        <translation>Their names:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="91"/>
        <source>表决：</source>
        <translation>Vote:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="92"/>
        <source>纪要(&amp;S)：</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="99"/>
        <source>空格勾选评议的户；逐户表决的，在“本户赞成”“本户反对”中填写票数（可不填）。</source>
        <translation>Space ticks a deliberated household; when voting household by household, type its votes under “For/Against (this household)” (optional).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="116"/>
        <source>全选(&amp;A)</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="127"/>
        <source>该村处于评议步骤的户 {0} 户，勾选本次会议评议的户：</source>
        <translation>{0} households of this village are at a deliberation step; tick those this meeting deliberated:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="128"/>
        <source>该村没有处于评议步骤的户（流程到达评议步骤后才能评议）。</source>
        <translation>No household of this village is at a deliberation step (a household is deliberated once its workflow reaches that step).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="135"/>
        <source>请勾选本次会议评议的户</source>
        <translation>Tick the households this meeting deliberated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="139"/>
        <source>逐户表决须同时填写赞成和反对票数：{0}</source>
        <translation>A household&apos;s own vote needs both numbers, for and against: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="154"/>
        <source>已登记评议会议：{0}，评议 {1} 户</source>
        <translation>Meeting recorded: {0}, {1} households deliberated</translation>
    </message>
</context>
<context>
    <name>MeetingModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33"/>
        <source>到会代表</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33"/>
        <source>赞成</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33"/>
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34"/>
        <source>评议的户</source>
        <translation>Households deliberated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34"/>
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="44"/>
        <source>{0} 人</source>
        <translation>{0} people</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37"/>
        <source>添加成员(&amp;A)</source>
        <translation>&amp;Add member</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37"/>
        <source>编辑成员(&amp;E)</source>
        <translation>&amp;Edit member</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37"/>
        <source>删除成员(&amp;D)</source>
        <translation>&amp;Delete member</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="47"/>
        <source>18位居民身份证号码</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="51"/>
        <source>如 汉族</source>
        <translation>e.g. Han</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="59"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="77"/>
        <source>（未填姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="104"/>
        <source>{0}：{1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="106"/>
        <source>{0}的证件号码与已填写的内容不一致：

{1}

按证件号码更正吗？</source>
        <translation>The ID number of {0} does not match what was entered:

{1}

Correct it from the ID number?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="107"/>
        <source>该成员</source>
        <translation>this member</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="109"/>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="110"/>
        <source>按证件号码更正</source>
        <translation>Correct from ID number</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="110"/>
        <source>保留已填写的内容</source>
        <translation>Keep what was entered</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="115"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="368"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="382"/>
        <source>请输入金额（元），如 1200.50</source>
        <translation>Enter an amount in yuan, e.g. 1200.50</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="134"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="135"/>
        <source>现在与区县服务器交换修改</source>
        <translation>Exchange changes with the district server now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="137"/>
        <source>自动同步</source>
        <translation>Auto sync</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="138"/>
        <source>有网络时自动与区县服务器同步</source>
        <translation>Sync with the district server automatically when online</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="141"/>
        <source>加入区县服务器…</source>
        <translation>Enrol with district server…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="169"/>
        <source>正在与区县服务器同步…</source>
        <translation>Syncing with the district server…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="177"/>
        <source>与区县服务器同步未完成：{0}</source>
        <translation>Sync with the district server did not finish: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="191"/>
        <source>已加入区县服务器 {0}（干部：{1}；负责的村：{2}）。服务器指纹 {3}。正在首次同步…</source>
        <translation>Enrolled with district server {0} (cadre: {1}; villages: {2}). Server fingerprint {3}. Running the first sync…</translation>
    </message>
</context>
<context>
    <name>NetworkSync</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net.py" line="304"/>
        <source>正在打包</source>
        <translation>Packing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net.py" line="332"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="112"/>
        <source>（无照片）</source>
        <translation>(no photo)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="113"/>
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="132"/>
        <source>完成日期</source>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="147"/>
        <source>选择照片</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="148"/>
        <source>图片 (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
</context>
<context>
    <name>NoticeFields</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="97"/>
        <source> 天</source>
        <extracomment>the choices changed</extracomment>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="104"/>
        <source>例如：村委会办公室 李主任 13900000000</source>
        <translation>e.g. village committee office, Director Li, 13900000000</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="117"/>
        <source>起，共</source>
        <translation>for</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="124"/>
        <source>流程步骤(&amp;S)</source>
        <translation>Workflow &amp;step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="125"/>
        <source>村(&amp;V)</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="126"/>
        <source>公示的户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="127"/>
        <source>公示期(&amp;D)</source>
        <translation>Perio&amp;d</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="131"/>
        <source>异议受理(&amp;C)</source>
        <translation>Objections to (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="158"/>
        <source>该村没有处于这一步骤的户</source>
        <translation>No household of this village is at this step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="162"/>
        <source>{0} 户：{1}</source>
        <translation>{0} households: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="169"/>
        <source>至 {0}</source>
        <translation>until {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="171"/>
        <source>公示期不得少于 {0} 天（workflows.json 的公示最短天数）</source>
        <translation>A notice runs at least {0} days (the minimum in workflows.json)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="182"/>
        <source>请选择流程步骤和村</source>
        <translation>Choose a workflow step and a village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="184"/>
        <source>该村没有处于这一步骤的户，无从公示</source>
        <translation>No household of this village is at this step: nothing to give notice of</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="186"/>
        <source>公示期 {0} 天太短：公示期不得少于 {1} 天</source>
        <translation>A period of {0} days is too short: a notice runs at least {1} days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="189"/>
        <source>请写明异议受理的地点、联系人及电话</source>
        <translation>Say where objections are received: the place, a contact person and a phone number</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="56"/>
        <source>已签发的公示 {0}（{1} 至 {2}，{3} 户）已列入处于该步骤的户：生成时重新打印这份公示，不再签发。</source>
        <translation>Notice {0} ({1} to {2}, {3} households) already lists the households at this step: generating prints that notice again instead of issuing another.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="68"/>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="71"/>
        <source>公示-{0}</source>
        <translation>Notice-{0}</translation>
    </message>
</context>
<context>
    <name>NoticeModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57"/>
        <source>流程步骤</source>
        <translation>Workflow step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="58"/>
        <source>公示的户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57"/>
        <source>公示期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57"/>
        <source>张贴</source>
        <translation>Posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="58"/>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="74"/>
        <source>未张贴</source>
        <translation>Not posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="76"/>
        <source>已张贴，{0} 起公示</source>
        <translation>Posted; runs from {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="78"/>
        <source>公示中，{0} 期满</source>
        <translation>Running; ends {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="79"/>
        <source>公示期已满</source>
        <translation>Period ended</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="94"/>
        <source>{0} 户：</source>
        <translation>{0} households: </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="95"/>
        <source>{0} 至 {1}（{2} 天）</source>
        <translation>{0} to {1} ({2} days)</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="107"/>
        <source>登记评议会议…(&amp;M)</source>
        <translation>Record &amp;meeting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="109"/>
        <source>签发公示…(&amp;I)</source>
        <translation>&amp;Issue notice…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="110"/>
        <source>打印(&amp;P)</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="111"/>
        <source>记录张贴…(&amp;T)</source>
        <translation>Record pos&amp;ting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="112"/>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="113"/>
        <source>登记异议…(&amp;O)</source>
        <translation>Record &amp;objection…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="114"/>
        <source>办理…(&amp;H)</source>
        <translation>&amp;Handle…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="118"/>
        <source>评议会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="120"/>
        <source>公示公告</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="121"/>
        <source>未办结的异议</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="124"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="133"/>
        <source>Ctrl+Tab 切换标签；方向键选择，按钮的带下划线字母（Alt+字母）执行。公示步骤须公示已张贴且期满、异议已办结后才能通过。</source>
        <translation>Ctrl+Tab switches tabs; arrows select; Alt and a button&apos;s underlined letter runs it. A notice step passes only once its notice was posted, its period is over and every objection is handled.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="151"/>
        <source>本账号没有这项权限</source>
        <translation>This account does not have this permission</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="206"/>
        <source>评议会议 {0} 次；公示 {1} 份，其中未张贴 {2} 份、公示中 {3} 份；未办结的异议 {4} 条</source>
        <translation>{0} meetings; {1} notices, {2} not posted and {3} running; {4} open objections</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="209"/>
        <source>未办结的异议（{0}）</source>
        <translation>Open objections ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="267"/>
        <source>公示-{0}-{1}</source>
        <translation>Notice-{0}-{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="123"/>
        <source>资金公示</source>
        <translation>Fund disclosure</translation>
    </message>
</context>
<context>
    <name>NullableDateEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="303"/>
        <source>年-月-日</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="306"/>
        <source>选择日期</source>
        <translation>Choose date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="320"/>
        <source>日期应为 年-月-日，如 2024-03-05</source>
        <translation>Dates are year-month-day, e.g. 2024-03-05</translation>
    </message>
</context>
<context>
    <name>NullableSpin</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="479"/>
        <source>应在{0}到{1}之间</source>
        <translation>Must be between {0} and {1}</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="54"/>
        <source>登记异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="55"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="59"/>
        <source>{0} 至 {1}，{2} 户（{3}）</source>
        <translation>{0} to {1}, {2} households ({3})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="67"/>
        <source>异议人姓名；匿名反映的写“匿名”</source>
        <translation>Who objects; write “anonymous” when nobody is named</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="68"/>
        <source>异议内容</source>
        <translation>What the objection says</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="73"/>
        <source>公示(&amp;N)：</source>
        <translation>&amp;Notice:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="74"/>
        <source>农户(&amp;H)：</source>
        <translation>&amp;Household:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="75"/>
        <source>异议人(&amp;F)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="76"/>
        <source>内容(&amp;C)：</source>
        <translation>&amp;Content:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="77"/>
        <source>收到日期(&amp;D)：</source>
        <translation>Received on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="79"/>
        <source>异议须在公示期内收到；办结前，该户的流程不能通过。</source>
        <translation>An objection is received during the notice&apos;s period; until it is handled, the household&apos;s workflow cannot pass.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="97"/>
        <source>请选择公示中的农户</source>
        <translation>Choose a household on the notice</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="101"/>
        <source>已登记异议：{0}</source>
        <translation>Objection recorded: {0}</translation>
    </message>
</context>
<context>
    <name>ObjectionModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114"/>
        <source>异议人</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="115"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="129"/>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="130"/>
        <source>异议成立</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="130"/>
        <source>异议不成立</source>
        <translation>Dismissed</translation>
    </message>
</context>
<context>
    <name>OpDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/op_dialog.py" line="62"/>
        <source>取消</source>
        <extracomment>refusals shown in the dialog (the service&apos;s message, without the command-line options it suggests)</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="104"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="110"/>
        <source>账号(&amp;N)：</source>
        <translation>Account &amp;name:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="111"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="155"/>
        <source>请填写账号。</source>
        <translation>Please enter the account name.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="183"/>
        <source>可以再试了。</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="185"/>
        <source>尝试次数过多，请 {0} 秒后再试。</source>
        <translation>Too many attempts; try again in {0} seconds.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="116"/>
        <source>忘记密码？</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="135"/>
        <source>请本机的队长或管理员登录后在“账号管理”中为您重设密码。如果本机没有人能登录，只能重新加入区县服务器，从区县重新接收所负责的村：本机尚未同步的修改将全部丢失，无法找回。</source>
        <translation>Ask the team leader or an administrator of this laptop to log in and reset your password (Account → Manage accounts). If nobody on this laptop can log in, it can only be enrolled with the district server again and receive its villages anew: every change on this laptop not yet synchronised is then lost for good.</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="156"/>
        <source>登录密码</source>
        <translation>Login password</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="157"/>
        <source>以后用姓名和这个密码登录。这个账号是本机的队长和管理员，可以为队员添加账号。密码不会保存，忘记后只能由本机的队长或管理员重设。</source>
        <translation>From now on you log in with your name and this password. This account is the laptop&apos;s team leader and administrator and can add accounts for team members. The password is not stored: if it is forgotten, only a team leader or administrator of this laptop can reset it.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="165"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="166"/>
        <source>再输一遍</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="171"/>
        <source>请设置登录密码</source>
        <translation>Please set a login password</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="173"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>PeerModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85"/>
        <source>同步对象</source>
        <translation>Sync partner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85"/>
        <source>待发送</source>
        <translation>To send</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85"/>
        <source>上次导出</source>
        <translation>Last export</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="86"/>
        <source>上次导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="91"/>
        <source>全区县</source>
        <translation>Whole district</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="94"/>
        <source>（默认）</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="95"/>
        <source>{0} 条</source>
        <translation>{0} changes</translation>
    </message>
</context>
<context>
    <name>PersonTraceForm</name>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="78"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="81"/>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="82"/>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="87"/>
        <source>请选择人员</source>
        <translation>Choose a person</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="90"/>
        <source>结束日期早于开始日期</source>
        <translation>The end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="91"/>
        <source>个人填报与核查情况-{0}-{1}至{2}</source>
        <translation>Entries and checks-{0}-{1} to {2}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="77"/>
        <source>添加照片…</source>
        <extracomment>an import started (True) or ended (False) an import ended: (photos added, error messages)</extracomment>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="78"/>
        <source>从相机文件夹导入…</source>
        <translation>Import from camera folder…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="79"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="80"/>
        <source>停止导入</source>
        <translation>Stop import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="141"/>
        <source>，拍摄于 {0}</source>
        <translation>, taken {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="142"/>
        <source>{0}×{1} 像素，{2} KB{3}</source>
        <translation>{0}×{1} pixels, {2} KB{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="176"/>
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="177"/>
        <source>图片 ({0});;所有文件 (*)</source>
        <translation>Images ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="182"/>
        <source>选择相机文件夹（如 DCIM）</source>
        <translation>Choose the camera folder (e.g. DCIM)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="191"/>
        <source>无法读取文件夹“{0}”：{1}</source>
        <translation>Cannot read folder “{0}”: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="194"/>
        <source>文件夹“{0}”中没有图片</source>
        <translation>No images in folder “{0}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="238"/>
        <source>正在导入 {0}/{1} {2}</source>
        <translation>Importing {0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="239"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="256"/>
        <source>导入照片失败：{0}</source>
        <translation>Photo import failed: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="275"/>
        <source>以下 {0} 个文件未导入：</source>
        <translation>{0} files were not imported:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="282"/>
        <source>{0} 张照片</source>
        <translation>{0} photos</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="282"/>
        <source>没有照片</source>
        <translation>No photos</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="231"/>
        <source>附件：{0}</source>
        <translation>Attachment: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="235"/>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="241"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="257"/>
        <source>照片文件不在本机（尚未同步），同步后可查看。</source>
        <translation>The photo file is not on this laptop yet (not synchronised); it can be viewed after a sync.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="264"/>
        <source>照片无法打开：{0}</source>
        <translation>The photo cannot be opened: {0}</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>户主</source>
        <translation>Household head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31"/>
        <source>无变化</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="32"/>
        <source>拒绝</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>PlateSettingsDialog</name>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="117"/>
        <source>门牌样式</source>
        <extracomment>the preview images were replaced</extracomment>
        <translation>Door plate style</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124"/>
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124"/>
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124"/>
        <source>A4 一纸两张（A5 大小）</source>
        <translation>A4, two per sheet (A5 size)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="135"/>
        <source>兜底户颜色…</source>
        <translation>Safety-net household colour…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="135"/>
        <source>脱贫户颜色…</source>
        <translation>Development household colour…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="149"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="151"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="152"/>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="170"/>
        <source>所在村组</source>
        <translation>Village and group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="170"/>
        <source>户主</source>
        <translation>Household head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="171"/>
        <source>家庭人口和户属性</source>
        <translation>Family size and household type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="171"/>
        <source>致贫原因</source>
        <translation>Causes of poverty</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="172"/>
        <source>帮扶措施（五个一批）</source>
        <translation>Assistance measures (five batches)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="172"/>
        <source>包扶责任人、单位和电话</source>
        <translation>Responsible cadre, unit and phone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="173"/>
        <source>脱贫状态和年度</source>
        <translation>Exit status and year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="173"/>
        <source>二维码（扫码或输入编码打开档案）</source>
        <translation>QR code (scan or enter the code to open the file)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="177"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="178"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="182"/>
        <source>显示项</source>
        <translation>Shown items</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="187"/>
        <source>颜色</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="189"/>
        <source>兜底户的色带另加斜纹，两类户在黑白打印时也能区分。</source>
        <translation>Safety-net households&apos; band also gets stripes, so both types can be told apart in black-and-white prints.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="197"/>
        <source>预览（示例户）</source>
        <translation>Preview (sample households)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="249"/>
        <source>兜底户颜色</source>
        <translation>Safety-net household colour</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="249"/>
        <source>脱贫户颜色</source>
        <translation>Development household colour</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="259"/>
        <source>请至少选择一个显示项。</source>
        <translation>Please select at least one item to show.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="262"/>
        <source>两种颜色很接近，彩色打印时不易区分（斜纹和标签仍可区分）。</source>
        <translation>The two colours are very similar and hard to tell apart in colour prints (stripes and labels still differ).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="318"/>
        <source>已保存门牌样式</source>
        <translation>Door plate layout saved</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="82"/>
        <source>记录张贴</source>
        <translation>Record posting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="83"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="88"/>
        <source>公示 {0}：{1} 户，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日；晚于开始日张贴的，公示期不足，须重新签发。</source>
        <translation>Notice {0}: {1} households, period {2} to {3} ({4} days). It must be posted no later than its first day; one posted later runs short and is issued anew.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="94"/>
        <source>张贴日期(&amp;D)：</source>
        <translation>Posted on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="103"/>
        <source>已记录张贴：{0}</source>
        <translation>Posting recorded: {0}</translation>
    </message>
</context>
<context>
    <name>PostDisclosureDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="137"/>
        <source>记录张贴</source>
        <translation>Record posting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="138"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="140"/>
        <source>{0}：{1}，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日。</source>
        <translation>{0}: {1}, period {2} to {3} ({4} days). It must be posted no later than the first day.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="145"/>
        <source>张贴日期(&amp;D)：</source>
        <translation>Posted on (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="154"/>
        <source>已记录张贴：{0}</source>
        <translation>Posting recorded: {0}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="94"/>
        <source>打印预览 — {0}</source>
        <extracomment>the page shown changed (1-based) a print run completed (pages printed) a print run was cancelled (a file printer is left with no file) pages printed so far, of how many</extracomment>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="112"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="115"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="119"/>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="120"/>
        <source> 页</source>
        <translation> </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="123"/>
        <source>共 {0} 页</source>
        <translation>of {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="129"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="131"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="135"/>
        <source>本机没有安装打印机</source>
        <translation>No printer installed on this computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="136"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="153"/>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="166"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="166"/>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="261"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="261"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="281"/>
        <location filename="../../fieldapp/gui/printing/preview.py" line="291"/>
        <location filename="../../fieldapp/gui/printing/preview.py" line="312"/>
        <location filename="../../fieldapp/gui/printing/preview.py" line="333"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="282"/>
        <source>本机没有安装打印机。

可以先点“另存为…”把 PDF 保存到U盘，再到连接了打印机的电脑上打印；或请管理员在系统设置中添加打印机。</source>
        <translation>No printer is installed on this computer.

You can click “Save as…” to save the PDF to a USB stick and print it on a computer with a printer, or ask an administrator to add a printer in the system settings.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="311"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="311"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="328"/>
        <source>正在打印第 {0} 页，共 {1} 页</source>
        <translation>Printing page {0} of {1}</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="352"/>
        <source>有 {0} 个字符没有可用的字体，已在 PDF 中以“〓”标出，打印后请手写补正：{1}</source>
        <translation>{0} character(s) have no font and are marked “〓” in the PDF; write them in by hand after printing: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="361"/>
        <source>有字符无法打印</source>
        <translation>Some characters cannot be printed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="108"/>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="226"/>
        <source>没有符合条件的农户</source>
        <extracomment>characters no bundled font has, printed as “〓” (the user is told: :func:`warn_missing_glyphs`)</extracomment>
        <translation>No households match</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="125"/>
        <source>{0} 张公示牌，{1} 页</source>
        <translation>{0} door plates, {1} pages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="127"/>
        <source>；{0} 户未打印：{1}</source>
        <translation>; {0} household(s) not printed: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="227"/>
        <source>{0} 户</source>
        <translation>{0} households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="383"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="384"/>
        <source>正在生成“{0}”…</source>
        <translation>Generating “{0}”…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="385"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="211"/>
        <source>{0} 户，{1} 至 {2}</source>
        <translation>{0} households, {1} to {2}</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="107"/>
        <source>生成并预览</source>
        <extracomment>progress of the running job (done, total); (0, 0) while it cannot count a job finished (its :class:`PrintResult`), just before the preview opens a job was cancelled (its file is gone)</extracomment>
        <translation>Generate and preview</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="112"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="113"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="122"/>
        <source>门牌（信息公示牌）</source>
        <translation>Door plates (information plates)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="123"/>
        <source>每户门上的信息公示牌，兜底户与脱贫户以颜色和斜纹区分，黑白打印也能分辨。样式（纸张、标题、显示项、颜色）在“门牌样式…”中按区县统一设置。</source>
        <translation>An information plate for each household&apos;s door; safety-net and development households differ by colour and stripes, also in black-and-white prints. The style (paper, title, shown items, colours) is set per county under “Door plate style…”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="125"/>
        <source>一户一档</source>
        <translation>Household file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="126"/>
        <source>一户的完整档案：成员、收入、两不愁三保障、帮扶措施（含户主签名栏）、走访记录和变更记录。</source>
        <translation>A household&apos;s complete file: members, income, two assurances and three guarantees, assistance measures (with a signature line for the head), visits and change history.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="128"/>
        <source>包扶纪实档案</source>
        <translation>Assistance archive</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="129"/>
        <source>一位包扶干部一个月或一年的走访记录（按日期）、在村天数和签字栏。</source>
        <translation>A paired cadre&apos;s visits for a month or a year (by date), days in the village and signature lines.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="130"/>
        <source>公示名单</source>
        <translation>Public notice list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="133"/>
        <source>村台账</source>
        <translation>Village ledger</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="134"/>
        <source>每户一行的台账，可按村、组、状态等筛选，末行合计。</source>
        <translation>A ledger with one row per household, filterable by village, group, status etc., with totals in the last row.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="135"/>
        <source>责任倒查表</source>
        <translation>Responsibility trace</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="136"/>
        <source>谁识别谁负责、谁填报谁负责：一户由谁建档，每一项现值由谁在何时填报；也可只查一项的每一次填报。</source>
        <translation>Whoever identifies or enters a value answers for it: who registered a household, who entered each current value and when; or every value one field ever held.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="138"/>
        <source>个人填报与核查情况</source>
        <translation>Entries and checks of a person</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="139"/>
        <source>一个人在一段时间内填报的全部内容。</source>
        <translation>Everything one person entered in a period.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="245"/>
        <source>正在生成“{0}”…</source>
        <translation>Generating “{0}”…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="269"/>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="270"/>
        <source>已生成“{0}”，{1}。</source>
        <translation>Generated “{0}”, {1}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="281"/>
        <source>未能生成。</source>
        <translation>Could not generate.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="286"/>
        <source>已取消，未生成文件。</source>
        <translation>Cancelled; no file generated.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="131"/>
        <source>由流程的公示或公告步骤生成：列出该村处于这一步骤的户，证件号码已去标识化，签发人签字并印验证二维码。已签发的公示再次生成时重新打印同一份。</source>
        <translation>Made from a workflow&apos;s notice or announcement step: the village&apos;s households at that step, ID numbers masked, signed by the issuer with a verification QR code. Generating an issued notice again prints the same one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="234"/>
        <source>已签发公示：{0} 户，{1} 至 {2}</source>
        <translation>Notice issued: {0} households, {1} to {2}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="534"/>
        <source>报进度 — {0}</source>
        <translation>Progress — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="537"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="539"/>
        <source>完成进度：</source>
        <translation>Completed:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="543"/>
        <source>进展说明：</source>
        <translation>Progress note:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="546"/>
        <source>添加照片(&amp;P)…</source>
        <translation>Add &amp;photos…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="547"/>
        <source>移除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="559"/>
        <source>照片：</source>
        <translation>Photos:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="575"/>
        <source>选择现场照片</source>
        <translation>Choose site photos</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="576"/>
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="586"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="589"/>
        <source>请填写进度日期</source>
        <translation>Enter the date of the progress</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="593"/>
        <source>照片文件不存在：{0}</source>
        <translation>Photo file not found: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="602"/>
        <source>进度已记录</source>
        <translation>Progress recorded</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="34"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="98"/>
        <source>概况与预算</source>
        <translation>Overview and budget</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="99"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="100"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="107"/>
        <source>受益户</source>
        <extracomment>the total, and room for the page&apos;s buttons acting on the selected household</extracomment>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108"/>
        <location filename="../../fieldapp/gui/projects/detail.py" line="117"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="109"/>
        <source>进展说明</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="118"/>
        <source>拨付日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="118"/>
        <source>金额(元)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120"/>
        <source>拨付对象</source>
        <translation>Paid to</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120"/>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120"/>
        <source>经办人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="122"/>
        <source>资金拨付</source>
        <translation>Disbursements</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123"/>
        <source>验收日期</source>
        <translation>Acceptance date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123"/>
        <source>结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123"/>
        <source>参加人员</source>
        <translation>Members present</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123"/>
        <source>验收意见</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="124"/>
        <source>签字</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="125"/>
        <source>验收</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="132"/>
        <source>村/乡镇</source>
        <translation>Village/town</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="133"/>
        <source>计划工期</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="134"/>
        <source>实际工期</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="141"/>
        <source>已拨付(元)</source>
        <translation>Disbursed (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="141"/>
        <source>余额(元)</source>
        <translation>Balance (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="183"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="187"/>
        <source>{0} 元（{1}）</source>
        <translation>{0} yuan ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="189"/>
        <source>未批复</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="202"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="208"/>
        <source>{0} 户，计划金额合计 {1} 元</source>
        <translation>{0} households, planned amounts total {1} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="217"/>
        <source>累计拨付 {0} 元，批复 {1} 元</source>
        <translation>Disbursed {0} yuan of {1} yuan approved</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="219"/>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="219"/>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="225"/>
        <source>未签字</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="228"/>
        <source>已签字：{0}（验证码 {1}）</source>
        <translation>Signed: {0} (code {1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="230"/>
        <source>签字后已修改（{0}）</source>
        <translation>Changed since signed ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="231"/>
        <source>签名无效（{0}）</source>
        <translation>Signature invalid ({0})</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="93"/>
        <source>取消</source>
        <extracomment>refusals listed in the dialog (anything else goes to the operation&apos;s error box)</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="118"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="134"/>
        <source>项目已保存</source>
        <translation>Project saved</translation>
    </message>
</context>
<context>
    <name>ProjectImportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="106"/>
        <source>导入项目库</source>
        <extracomment>the import was written (the ids of the projects created or changed) a dry run is ready (its :class:`ImportPlan`)</extracomment>
        <translation>Import project library</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="110"/>
        <source>按村和项目名称与本机已有的项目对应（同名时再按计划开工年份）：再次导入不会重复登记，改动的内容会更新。有任何错误的项目整个不导入，其余的一次写入。先预览，确认后才写入。</source>
        <translation>Projects are matched to this laptop&apos;s by village and name (by planned start year when names repeat): importing again never records a project twice, and changed values are updated. A project with any error is not imported at all; the others are written together. You see a preview first; nothing is written until you confirm.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="120"/>
        <source>保存被拒绝的行…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="122"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="132"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="150"/>
        <source>项目库工作簿（.xlsx，可另有“受益户”表）或 .csv</source>
        <translation>Project library workbook (.xlsx, optionally with a beneficiaries sheet) or .csv</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="151"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="153"/>
        <source>生成模板…</source>
        <translation>Create template…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="155"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="159"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="182"/>
        <source>选择项目库文件</source>
        <translation>Choose the project library file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="183"/>
        <source>电子表格 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="192"/>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="192"/>
        <source>项目库导入模板.xlsx</source>
        <translation>project-library-template.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="193"/>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="254"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="200"/>
        <source>已生成模板：{0}</source>
        <translation>Template created: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="202"/>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="268"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="221"/>
        <source>已取消，没有写入任何内容</source>
        <translation>Cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="227"/>
        <source>请先选择文件</source>
        <translation>Choose a file first</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="231"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="236"/>
        <source>新增 {0} 个项目，更新 {1} 个，无变化 {2} 个，拒绝 {3} 个</source>
        <translation>{0} new projects, {1} updated, {2} unchanged, {3} rejected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="245"/>
        <source>这是预览，尚未写入。确认无误后点“导入”。</source>
        <translation>This is a preview; nothing has been written. If it is right, click “Import”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="246"/>
        <source>没有需要写入的内容。</source>
        <translation>Nothing to write.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="252"/>
        <source>的被拒绝行.xlsx</source>
        <translation>-rejected.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="253"/>
        <source>保存被拒绝的行</source>
        <translation>Save rejected rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="267"/>
        <source>已保存 {1} 行到 {0}；改正后可再次导入</source>
        <translation>Saved {1} rows to {0}; correct them and import that file again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="276"/>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="288"/>
        <source>已导入：新增 {0} 个项目，更新 {1} 个</source>
        <translation>Imported: {0} new projects, {1} updated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="277"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="116"/>
        <source>村/乡镇</source>
        <translation>Village/town</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118"/>
        <source>预算(元)</source>
        <translation>Budget (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118"/>
        <source>批复(元)</source>
        <translation>Approved (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118"/>
        <source>已拨付(元)</source>
        <translation>Disbursed (yuan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>ProjectPlanModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54"/>
        <source>行</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54"/>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57"/>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57"/>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57"/>
        <source>无变化</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="58"/>
        <source>拒绝</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="97"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="100"/>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="105"/>
        <source>村/乡镇(&amp;V)：</source>
        <translation>&amp;Village/town:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="105"/>
        <source>状态(&amp;Z)：</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="106"/>
        <source>类型(&amp;L)：</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="120"/>
        <source>全部村和乡镇</source>
        <translation>All villages and towns</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="122"/>
        <source>{0}（乡镇）</source>
        <translation>{0} (town)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="144"/>
        <source>新建项目(&amp;N)…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="145"/>
        <source>编辑(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="146"/>
        <source>预算(&amp;B)…</source>
        <translation>&amp;Budget…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="147"/>
        <source>添加受益户(&amp;R)…</source>
        <translation>Add beneficia&amp;ry…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="148"/>
        <location filename="../../fieldapp/gui/projects/page.py" line="325"/>
        <source>移除受益户</source>
        <translation>Remove beneficiary</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="149"/>
        <source>批复(&amp;A)…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="150"/>
        <source>状态(&amp;T)…</source>
        <translation>S&amp;tatus…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="151"/>
        <source>报进度(&amp;P)…</source>
        <translation>&amp;Progress…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="152"/>
        <source>拨付(&amp;O)…</source>
        <translation>D&amp;isburse…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="153"/>
        <source>验收(&amp;Y)…</source>
        <translation>Ac&amp;cept…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="193"/>
        <source>共 {0} 个项目</source>
        <translation>{0} projects</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="267"/>
        <source>您的账户没有这项权限</source>
        <translation>Your account does not hold this permission</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="322"/>
        <source>请先在“受益户”中选中要移除的户</source>
        <translation>Select the household to remove under “Beneficiaries” first</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="325"/>
        <source>把 {0} 从项目“{1}”的受益户中移除？</source>
        <translation>Remove {0} from the beneficiaries of “{1}”?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="327"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="328"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="335"/>
        <source>受益户已移除</source>
        <translation>Beneficiary removed</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162"/>
        <source>修改内容</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162"/>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="163"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="177"/>
        <source>删除</source>
        <translation>Deletion</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74"/>
        <source>户编号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74"/>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74"/>
        <source>流程</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74"/>
        <source>待决定步骤</source>
        <translation>Step to decide</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75"/>
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75"/>
        <source>到达本步骤</source>
        <translation>At this step since</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75"/>
        <source>可决定日期</source>
        <translation>Decidable from</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="90"/>
        <source>有冲突的决定，待处理</source>
        <translation>Conflicting decisions, to be settled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="93"/>
        <source>可决定</source>
        <translation>Can be decided</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="93"/>
        <source>公示期未满</source>
        <translation>Notice period running</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="96"/>
        <source>公示未签发</source>
        <translation>Notice not issued</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="96"/>
        <source>公示未张贴</source>
        <translation>Notice not posted</translation>
    </message>
</context>
<context>
    <name>RectificationModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106"/>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106"/>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106"/>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="107"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="107"/>
        <source>整改情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110"/>
        <source>待整改</source>
        <translation>To rectify</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110"/>
        <source>待确认</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110"/>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="111"/>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="66"/>
        <source>汇总上报 {0}</source>
        <translation>Summary {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="85"/>
        <source>汇总情况 {0}</source>
        <translation>Roll-up {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="136"/>
        <source>周汇总</source>
        <translation>Weekly summary</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="137"/>
        <source>月更新</source>
        <translation>Monthly update</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="142"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="144"/>
        <source>类别(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="144"/>
        <source>期间(&amp;P)</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="145"/>
        <source>村(&amp;V)</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="164"/>
        <source>本期工作情况、存在问题和下步打算（队长撰写）</source>
        <translation>This period&apos;s work, problems and next steps (written by the team leader)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="166"/>
        <source>保存草稿(&amp;S)</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="167"/>
        <location filename="../../fieldapp/gui/report/page.py" line="297"/>
        <source>签字上报(&amp;G)</source>
        <translation>Si&amp;gn and report</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="168"/>
        <source>打印(&amp;R)…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="176"/>
        <source>驻村干部在村天数</source>
        <translation>Cadres&apos; days in the village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="178"/>
        <source>情况说明(&amp;N)</source>
        <translation>&amp;Narrative</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="187"/>
        <source>本村汇总</source>
        <translation>This village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="198"/>
        <source>打印汇总情况(&amp;T)…</source>
        <translation>Prin&amp;t roll-up…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="207"/>
        <source>各村上报情况</source>
        <translation>Villages&apos; reports</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="270"/>
        <source>{0}：{1}/{2} 村已签字上报，未上报 {3}，未签字 {4}，迟报 {5}；走访 {6} 户次，措施 {7} 项，退出 {8} 户，未解决问题 {9} 项</source>
        <translation>{0}: {1}/{2} villages signed and reported, {3} missing, {4} unsigned, {5} late; {6} household visits, {7} measures, {8} households exited, {9} open problems</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="274"/>
        <source>上报期限 {0}</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="280"/>
        <source>尚未生成：下表为当前登记数据。保存草稿或签字上报（上报期限 {0}）。</source>
        <translation>Not generated yet: the figures below are the register&apos;s now. Save a draft or sign and report (due {0}).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="282"/>
        <source>已签字上报：{0}，{1}，验证码 {2}（上报期限 {3}）。</source>
        <translation>Signed and reported: {0}, {1}, verification code {2} (due {3}).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="284"/>
        <source>迟报。</source>
        <translation> Late.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="286"/>
        <source>签字后被改动：须重新签字上报。</source>
        <translation>Changed since signed: sign and report again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="288"/>
        <source>签名无法核验：请重新签字上报。</source>
        <translation>The signature does not check: sign and report again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="289"/>
        <source>草稿，尚未签字上报（上报期限 {0}）。</source>
        <translation>Draft, not signed and reported yet (due {0}).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="297"/>
        <source>重新签字上报(&amp;G)</source>
        <translation>Si&amp;gn and report again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="312"/>
        <source>已签字上报：{0}</source>
        <translation>Signed and reported: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="312"/>
        <source>已保存草稿：{0}</source>
        <translation>Draft saved: {0}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="206"/>
        <source>重置密码：{0}</source>
        <translation>Reset password: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="208"/>
        <source>为“{0}”设置新密码，并当面告诉本人。本人登录后可自行修改。</source>
        <translation>Set a new password for “{0}” and tell them in person. They can change it after logging in.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="214"/>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="215"/>
        <source>再输一遍(&amp;A)：</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="218"/>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="219"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResponsibilityTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="29"/>
        <source>包扶责任人</source>
        <translation>Responsible cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="33"/>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="34"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="35"/>
        <source>脱贫计划</source>
        <translation>Exit plan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="36"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="83"/>
        <source>查看流程(&amp;O)</source>
        <translation>&amp;Open workflow</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="84"/>
        <source>通过… (P)</source>
        <translation>Pass… (P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="85"/>
        <source>不通过… (F)</source>
        <translation>Fail… (F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="86"/>
        <source>退回… (R)</source>
        <translation>Return… (R)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="90"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="150"/>
        <source>等待本人决定的农户 {0} 户，其中可决定 {1} 户</source>
        <translation>{0} household(s) wait for your decision, {1} of them can be decided now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="152"/>
        <source>，有冲突的决定 {0} 户（红色，须处理冲突）</source>
        <translation>; {0} with conflicting decisions (red, to be settled)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="154"/>
        <source>没有等待本人决定的农户。</source>
        <translation>No household waits for your decision.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="189"/>
        <source>一并决定的农户须处于同一流程的同一步骤；请只选择同一步骤的农户。</source>
        <translation>Households decided together must be at the same step of the same workflow; select only households at one step.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="191"/>
        <source>有冲突的决定须逐户处理：请单独选择该户。</source>
        <translation>Conflicting decisions are settled one household at a time: select that household alone.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="87"/>
        <source>批量决定… (B)</source>
        <translation>Batch decision… (B)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="89"/>
        <source>所选各户同一步骤一并决定：一个理由、一个签字，全部决定或全部不决定</source>
        <translation>Decide the same step of the selected households together: one reason, one signature, all or none</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="97"/>
        <source>Enter 查看流程；P 通过、F 不通过、R 退回所选农户；Shift+方向键多选、Ctrl+方向键移动、Ctrl+空格加选、Ctrl+A 全选，B 批量决定（一个签字）。</source>
        <translation>Enter shows the workflow; P passes, F fails, R returns the selected households; Shift+arrows select several, Ctrl+arrows move, Ctrl+Space adds, Ctrl+A selects all, B decides a batch (one signature).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="193"/>
        <source>“{0}”须逐户附上该户签字的确认书：请逐户决定。</source>
        <translation>“{0}” needs each household&apos;s own signed confirmation: decide them one by one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="199"/>
        <source>批量决定须选择两户以上（Shift+方向键或 Ctrl+A）。</source>
        <translation>A batch decision needs two or more households selected (Shift+arrows or Ctrl+A).</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="221"/>
        <source>首次使用设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="224"/>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="225"/>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="226"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="227"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="152"/>
        <source>账号：{0}</source>
        <extracomment>the permission that shows 账号管理 the permission that shows 自动锁定 (a laptop setting) ctx, session, &quot;lock&quot; / &quot;unlock&quot; / &quot;unlock_failed&quot; / &quot;logout&quot; (switching account) a main window was shown for a person (the window) loads the main window&apos;s modules while the person types (started once the login is on screen)</extracomment>
        <translation>Account: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="173"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="205"/>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
</context>
<context>
    <name>SignoffBar</name>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="58"/>
        <source>查看修改…</source>
        <translation>Show changes…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="60"/>
        <source>签字背书(&amp;G)…</source>
        <translation>Si&amp;gn off…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="62"/>
        <source>以本人签名密钥确认本记录当前内容（队长、村两委）</source>
        <translation>Confirm this record as it is now with your own signing key (team leader, village committee)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="91"/>
        <source>未签字背书</source>
        <translation>Not signed off</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="93"/>
        <source>已签字：{0}（{1}）于 {2}，验证码 {3}</source>
        <translation>Signed off by {0} ({1}) at {2}, code {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="97"/>
        <source>签字后已修改 {0} 处（{1}（{2}）于 {3} 签字），需要重新签字</source>
        <translation>Changed in {0} places since {1} ({2}) signed at {3}: needs signing again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="101"/>
        <source>签名无效：{0}</source>
        <translation>Signature not valid: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="126"/>
        <source>本户档案</source>
        <translation>this household&apos;s record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="126"/>
        <source>本条走访记录</source>
        <translation>this visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="127"/>
        <source>签字背书</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="128"/>
        <source>以本人签名确认{0}当前保存的内容？签字后如再修改，将显示“签字后已修改”。</source>
        <translation>Sign {0} as saved now with your own signature? Any later change will show as “changed since signed”.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="129"/>
        <source>签字</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="130"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="163"/>
        <source>已签字背书，验证码 {0}</source>
        <translation>Signed off, code {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="166"/>
        <source>未签字：{0}</source>
        <translation>Not signed: {0}</translation>
    </message>
</context>
<context>
    <name>SignoffDiffDialog</name>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="30"/>
        <source>签字后已修改</source>
        <translation>Changed since signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="35"/>
        <source>{0}（{1}）于 {2} 签字背书，验证码 {3}。此后有 {4} 处修改，需要重新签字：</source>
        <translation>{0} ({1}) signed off at {2}, code {3}. {4} changes since; it needs signing again:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38"/>
        <source>签字时</source>
        <translation>When signed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38"/>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="40"/>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="41"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="52"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SpotcheckPage</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="84"/>
        <source>核查</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="85"/>
        <source>整改</source>
        <translation>Rectifications</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="92"/>
        <source>新抽样…</source>
        <translation>New draw…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="93"/>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="354"/>
        <source>复核抽样</source>
        <translation>Verify draw</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="94"/>
        <source>打印核查表…</source>
        <translation>Print checklist…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="95"/>
        <source>打印汇总…</source>
        <translation>Print summary…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="116"/>
        <source>正确 (Y)</source>
        <translation>Correct (Y)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="117"/>
        <source>不正确… (N)</source>
        <translation>Incorrect… (N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="118"/>
        <source>清除 (Del)</source>
        <translation>Clear (Del)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="148"/>
        <source>确认整改</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="149"/>
        <source>退回…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="208"/>
        <source>还没有抽样。点“新抽样…”按比例随机抽取农户。</source>
        <translation>No draws yet. Click “New draw…” to draw households at random.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="216"/>
        <source>种子 {0}；抽样框 {1} 户，校验值 {2}；比例 {3}%；抽中 {4} 户</source>
        <translation>Seed {0}; frame {1} households, hash {2}; rate {3}%; {4} drawn</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="229"/>
        <source>&#x3000;错{0}</source>
        <translation>  {0} wrong</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="230"/>
        <source>{0}，户编号 {1}</source>
        <translation>{0}, household no. {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="282"/>
        <source>已抽取 {0} 户，种子 {1}</source>
        <translation>Drew {0} households, seed {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="295"/>
        <source>不正确</source>
        <translation>Incorrect</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="295"/>
        <source>哪里不对、应当如何（将生成整改任务）：</source>
        <translation>What is wrong and what it should be (a rectification task is opened):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="310"/>
        <source>已生成整改任务</source>
        <translation>Rectification task opened</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="311"/>
        <source>已记录</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="323"/>
        <source>已确认整改完成</source>
        <translation>Rectification confirmed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="330"/>
        <source>退回整改</source>
        <translation>Send the rectification back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="330"/>
        <source>退回的原因：</source>
        <translation>Why it is sent back:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="336"/>
        <source>已退回整改</source>
        <translation>Rectification sent back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="347"/>
        <source>复核通过：按种子 {0} 重抽的 {1} 户与记录的样本一致，抽样框校验值相符。</source>
        <translation>Verified: re-drawing with seed {0} gives the same {1} households as recorded, and the frame hash matches.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="350"/>
        <source>复核不通过：</source>
        <translation>Verification failed: </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="352"/>
        <source>（抽样后该范围新增 {0} 户、减少 {1} 户）</source>
        <translation> ({0} households added and {1} removed in the area since the draw)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="362"/>
        <source>保存核查表</source>
        <translation>Save checklist</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="371"/>
        <source>保存汇总</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="381"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="385"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>StaleSaveDialog</name>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="58"/>
        <source>（删除此项）</source>
        <translation>(delete this)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="71"/>
        <source>有人同时修改了这些内容</source>
        <translation>Someone else changed these meanwhile</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="72"/>
        <source>您编辑期间，下列内容已在别处（另一个窗口、同步或导入）被修改。请逐项选择要保存的值；未选择前不会保存任何内容。</source>
        <translation>While you were editing, the items below were changed elsewhere (another window, a sync or an import). Choose the value to save for each one; nothing is saved until you have chosen.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76"/>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76"/>
        <source>您的修改</source>
        <translation>Your change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76"/>
        <source>现在的值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="77"/>
        <source>修改人 / 时间</source>
        <translation>Changed by / at</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="77"/>
        <source>保存哪一个</source>
        <translation>Keep which</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="84"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="100"/>
        <source>全部用我的</source>
        <translation>All mine</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="101"/>
        <source>全部用现在的</source>
        <translation>All current</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="105"/>
        <source>按所选保存</source>
        <translation>Save as chosen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="106"/>
        <source>返回编辑</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="126"/>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="126"/>
        <source>现在的</source>
        <translation>Current</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="53"/>
        <source>发起流程：{0}</source>
        <translation>Start a workflow: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="60"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="75"/>
        <source>流程(&amp;K)：</source>
        <translation>&amp;Workflow:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="76"/>
        <source>监测对象类别(&amp;C)：</source>
        <translation>Monitoring &amp;category:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="77"/>
        <source>风险类型(&amp;T)：</source>
        <translation>Risk &amp;type:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="78"/>
        <source>步骤：</source>
        <translation>Steps:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="80"/>
        <source>发起</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="81"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="114"/>
        <source>符合退出标准：{0} 年人均纯收入 {1} 元，高于当年退出标准 {2} 元；两不愁三保障全部达到。</source>
        <translation>Meets the exit standard: net income per person in {0} is {1} yuan, above that year&apos;s exit standard of {2} yuan; every “two assurances, three guarantees” indicator is met.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="119"/>
        <source>不符合退出标准：{0}
仍可发起，但“对象确定”只能由有权限的人写明理由、签字越过，越过在流程记录中始终可见。</source>
        <translation>Does not meet the exit standard: {0}
It can still be started, but the proposal step can only be passed by an override with a signed reason from someone allowed to; the override stays visible in the record.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="150"/>
        <source>已发起“{0}”</source>
        <translation>Started “{0}”</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="464"/>
        <source>改变状态(&amp;T)</source>
        <translation>Change s&amp;tatus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="472"/>
        <source>项目状态 — {0}</source>
        <translation>Project status — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="477"/>
        <source>当前状态：</source>
        <translation>Current status:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="478"/>
        <source>改为：</source>
        <translation>Change to:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="507"/>
        <source>这个项目现在没有您可以改成的状态</source>
        <translation>There is no status you may move this project to now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="522"/>
        <source>项目状态已改变</source>
        <translation>Project status changed</translation>
    </message>
</context>
<context>
    <name>StepModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119"/>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119"/>
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119"/>
        <source>最短天数</source>
        <translation>Least days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119"/>
        <source>签字</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="120"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="135"/>
        <source>（导入，无逐级记录）</source>
        <translation>(imported, no step-by-step record)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="137"/>
        <source>已通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="139"/>
        <source>有冲突，待处理</source>
        <translation>Conflict, to be settled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="141"/>
        <source>不通过（流程结束）</source>
        <translation>Failed (workflow ended)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="149"/>
        <source>当前步骤（有 {0} 条异议未办结，办结前不能通过）</source>
        <translation>Current step ({0} objection(s) open: cannot pass until handled)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="152"/>
        <source>当前步骤（{0}，不能通过）</source>
        <translation>Current step ({0}: cannot pass)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="153"/>
        <source>公示未签发</source>
        <translation>Notice not issued</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="153"/>
        <source>公示未张贴</source>
        <translation>Notice not posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="157"/>
        <source>当前步骤（{0} 起可决定）</source>
        <translation>Current step (can be decided from {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="163"/>
        <source>须签字</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="163"/>
        <source>不需签字</source>
        <translation>Not required</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="181"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="182"/>
        <source>点击“完成”保存设置。</source>
        <translation>Click “Finish” to save the settings.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="186"/>
        <source>完成后将为这台电脑创建设备身份：一个设备编号和一对用于数据同步的密钥。密钥只保存在本机的数据文件夹中，请勿复制给他人。</source>
        <translation>Finishing creates a device identity for this computer: a device ID and a key pair for data synchronisation. The keys are kept only in this computer&apos;s data folder; do not copy them to anyone.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="199"/>
        <source>区县</source>
        <translation>County/District</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="200"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="201"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="202"/>
        <source>包扶干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="203"/>
        <source>派出单位</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="204"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="205"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>SwitchAccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="235"/>
        <source>切换账号</source>
        <translation>Switch account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="238"/>
        <source>当前账号：{0}。请以另一个账号登录。</source>
        <translation>Signed in as {0}. Log in with another account.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="240"/>
        <source>切换</source>
        <translation>Switch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="242"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncJobs</name>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="92"/>
        <source>正在打包并写入…</source>
        <translation>Packing and writing…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="128"/>
        <source>正在查找同步包…</source>
        <translation>Looking for sync packages…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="209"/>
        <source>U盘或文件夹是只读的（可能打开了写保护开关），无法写入：{0}</source>
        <translation>The USB drive or folder is read-only (its write-protect switch may be on); cannot write: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="210"/>
        <source>U盘（或磁盘）空间已满，无法写入同步包：{0}</source>
        <translation>The USB drive (or disk) is full; cannot write the sync package: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="211"/>
        <source>超出磁盘配额，无法写入同步包：{0}</source>
        <translation>Disk quota exceeded; cannot write the sync package: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="212"/>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="213"/>
        <source>没有读写该位置的权限：{0}</source>
        <translation>No permission to read or write this location: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="214"/>
        <source>找不到该文件夹或文件（U盘可能已拔出）：{0}</source>
        <translation>Folder or file not found (the USB drive may have been removed): {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="215"/>
        <source>这不是文件夹：{0}</source>
        <translation>This is not a folder: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="216"/>
        <source>U盘读写出错（可能已拔出或损坏）：{0}</source>
        <translation>USB drive read/write error (it may have been removed or be damaged): {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="217"/>
        <source>U盘已不可用（可能已拔出）：{0}</source>
        <translation>The USB drive is no longer available (it may have been removed): {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="218"/>
        <source>文件太大，U盘的文件系统存不下：{0}</source>
        <translation>The file is too large for the USB drive&apos;s file system: {0}</translation>
    </message>
</context>
<context>
    <name>SyncLabel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="30"/>
        <source>不是完整的同步包（格式错误或文件被截断）</source>
        <translation>Not a complete sync package (wrong format or truncated file)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="31"/>
        <source>版本不兼容</source>
        <translation>Incompatible version</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="32"/>
        <source>不是发给本机的</source>
        <translation>Not addressed to this computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="33"/>
        <source>发送方不是已登记的同步对象</source>
        <translation>The sender is not a registered sync partner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="34"/>
        <source>签名无效（文件被篡改或损坏）</source>
        <translation>Invalid signature (the file was tampered with or damaged)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="35"/>
        <source>无法解密</source>
        <translation>Cannot decrypt</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="36"/>
        <source>已经导入过</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="37"/>
        <source>缺少更早的同步包</source>
        <translation>An earlier sync package is missing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="56"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="65"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="93"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="96"/>
        <source>设备 {0}</source>
        <translation>Device {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="107"/>
        <location filename="../../fieldapp/gui/sync/texts.py" line="114"/>
        <source>{0}户</source>
        <translation>{0}&apos;s household</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="88"/>
        <source>导出到U盘…</source>
        <extracomment>synced data changed here (an import, a resolved conflict, a released change) the page shows a new snapshot an export finished (:class:`~fieldapp.gui.sync.jobs.ExportResult`) an import finished (:class:`~fieldapp.gui.sync.jobs.ImportBatch`) a reviewer&apos;s action (resolve, release, discard) finished a job failed (the exception); the user has been told why progress of the running job (done, total)</extracomment>
        <translation>Export to USB drive…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="90"/>
        <source>从U盘导入…</source>
        <translation>Import from USB drive…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="92"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="94"/>
        <source>待同步修改 … 条</source>
        <translation>Changes to sync: …</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="103"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="113"/>
        <source>同步对象</source>
        <translation>Sync partners</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="120"/>
        <source>保留当前值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="122"/>
        <source>采用另一值</source>
        <translation>Use other value</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="124"/>
        <location filename="../../fieldapp/gui/sync/page.py" line="395"/>
        <source>放行</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="126"/>
        <location filename="../../fieldapp/gui/sync/page.py" line="403"/>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="191"/>
        <source>待同步修改 {0} 条</source>
        <translation>Changes to sync: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="193"/>
        <source>还没有登记同步对象：本机的全部修改都未同步。</source>
        <translation>No sync partner registered yet: none of this computer&apos;s changes have been synced.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="195"/>
        <source>“{0}”尚未确认收到的修改。</source>
        <translation>Changes that “{0}” has not yet confirmed receiving.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="196"/>
        <source>本机设备编号：{0}</source>
        <translation>This computer&apos;s device ID: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="205"/>
        <source>冲突 {0} 条</source>
        <translation>Conflicts: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="207"/>
        <source>，时钟超前 {0} 条</source>
        <translation>, clock ahead: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="208"/>
        <source>（当前值是自动选出的较新修改，请确认或改用另一值）</source>
        <translation> (the current value is the newer change, chosen automatically; confirm it or use the other value)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="209"/>
        <source>隔离待审 {0} 条（违反规则、暂未应用的修改）</source>
        <translation>Quarantined for review: {0} (changes that break a rule and have not been applied)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="237"/>
        <source>正在导出到 {0}…</source>
        <translation>Exporting to {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="243"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="262"/>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="318"/>
        <source>未能完成。</source>
        <translation>Could not complete.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="323"/>
        <source>无法完成操作</source>
        <translation>Cannot complete the operation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="393"/>
        <source>放行会把所选的 {0} 条修改按原样写入本机数据，并同步给其他设备。
请先处理隔离的原因（例如先改正另一户重复的证件号码）。确定放行？</source>
        <translation>Releasing writes the {0} selected changes to this computer&apos;s data as they are and syncs them to other devices.
First deal with the reason they were quarantined (e.g. correct the other household&apos;s duplicate ID number). Release them?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="402"/>
        <source>丢弃后，所选的 {0} 条修改不会应用到本机数据。确定丢弃？</source>
        <translation>Once discarded, the {0} selected changes will not be applied to this computer&apos;s data. Discard them?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="410"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="427"/>
        <source>已处理 {0} 条。</source>
        <translation>{0} items processed.</translation>
    </message>
</context>
<context>
    <name>SyncReport</name>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="16"/>
        <source>{0} 条本机已有</source>
        <translation>{0} already on this computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="17"/>
        <source>新冲突 {0} 条</source>
        <translation>{0} new conflicts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="18"/>
        <source>隔离待审 {0} 条</source>
        <translation>{0} quarantined for review</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="19"/>
        <source>时钟超前 {0} 台设备</source>
        <translation>clock ahead on {0} devices</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="20"/>
        <source>{0} 个字段待升级后应用</source>
        <translation>{0} fields to be applied after an upgrade</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="32"/>
        <source>{0}：已拒绝，未作任何修改——{1}。{2}</source>
        <translation>{0}: refused, nothing changed — {1}. {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="36"/>
        <source>{0}：无法读取——{1}</source>
        <translation>{0}: cannot be read — {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="40"/>
        <source>应用 {0} 条修改</source>
        <translation>{0} changes applied</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="43"/>
        <source>{0} 户已移出本机范围</source>
        <translation>{0} households moved out of this computer&apos;s scope</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="44"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="45"/>
        <source>来自 {0}：{1}</source>
        <translation>From {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="50"/>
        <source>没有可导入的同步包</source>
        <translation>No sync packages to import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="52"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="54"/>
        <source>部分同步包未导入</source>
        <translation>Some sync packages were not imported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="55"/>
        <source>同步包未导入</source>
        <translation>Sync packages not imported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="62"/>
        <source>{0} 中没有需要导入的新同步包。</source>
        <translation>No new sync packages to import in {0}.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="65"/>
        <source>{0} 个同步包以前已导入，已跳过。</source>
        <translation>{0} sync packages were imported before and have been skipped.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="68"/>
        <source>另有 {0} 个同步包是发给其他设备的，未导入。</source>
        <translation>{0} more sync packages are addressed to other devices and were not imported.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="81"/>
        <source>已导入 {0} 个同步包，应用 {1} 条修改。</source>
        <translation>Imported {0} sync packages, applied {1} changes.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="84"/>
        <source>{0} 个未能导入。</source>
        <translation> {0} could not be imported.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="89"/>
        <source>已为“{0}”导出 {1} 条修改（{2}）：
{3}</source>
        <translation>Exported {1} changes for “{0}” ({2}):
{3}</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="34"/>
        <source>本机已被吊销</source>
        <translation>This computer was revoked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="35"/>
        <source>服务器不认识本机</source>
        <translation>Server does not know this computer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="36"/>
        <source>服务器密钥不符</source>
        <translation>Server key mismatch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="37"/>
        <source>同步包过大</source>
        <translation>Sync package too large</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="38"/>
        <source>本机时钟不准</source>
        <translation>This computer&apos;s clock is wrong</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="39"/>
        <source>签名无效</source>
        <translation>Invalid signature</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="66"/>
        <source>{0}月{1}日 {2}</source>
        <translation>{0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="81"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="114"/>
        <source>上次同步：{0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="81"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="112"/>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="82"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="113"/>
        <source>区县服务器：{0}</source>
        <translation>District server: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="84"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="107"/>
        <source>同步中 {0}%</source>
        <translation>Syncing {0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="87"/>
        <source>自动同步已停止。</source>
        <translation>Auto sync has stopped.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="88"/>
        <source>同步出错：{0}</source>
        <translation>Sync error: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="90"/>
        <source>上次同步 {0}</source>
        <translation>Last sync {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="90"/>
        <source>已连接</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="92"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="111"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="94"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="116"/>
        <source>自动同步已关闭</source>
        <translation>Auto sync is off</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="96"/>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="105"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="96"/>
        <source>无法连接区县服务器，有网络时会自动同步。</source>
        <translation>Cannot reach the district server; will sync automatically when online.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="101"/>
        <source>本机尚未加入区县服务器：点“加入区县服务器…”，输入区县管理员给的服务器地址和一次性加入码。加入后，有网络时自动同步；没有网络时仍可用U盘同步。</source>
        <translation>This computer is not enrolled with a district server yet: click “Enrol with district server…” and enter the server address and one-time enrolment code from the district administrator. Once enrolled, it syncs automatically when online; without a network you can still sync by USB drive.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="106"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="108"/>
        <source>出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="113"/>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="119"/>
        <source>最近的错误：{0}</source>
        <translation>Last error: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="121"/>
        <source>自动同步已停止：服务器拒绝了本机。请联系区县管理员，必要时重新加入。</source>
        <translation>Auto sync has stopped: the server refused this computer. Contact the district administrator and enrol again if necessary.</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20"/>
        <source>区域</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20"/>
        <source>目标项目</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="90"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="90"/>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="111"/>
        <source>村级年度情况</source>
        <translation>Village&apos;s year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="112"/>
        <source>贫困村</source>
        <translation>Poor village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="118"/>
        <source>未填</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="119"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="121"/>
        <source>如 2.35</source>
        <translation>e.g. 2.35</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="123"/>
        <source>元，如 52000</source>
        <translation>yuan, e.g. 52000</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="134"/>
        <source>摘帽年份：</source>
        <translation>Year lifted out:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="141"/>
        <source>农村人口：</source>
        <translation>Rural population:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="142"/>
        <source>官方贫困发生率（%）：</source>
        <translation>Official poverty incidence (%):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="143"/>
        <source>村集体经济收入：</source>
        <translation>Village collective income:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="144"/>
        <source>退出指标：</source>
        <translation>Exit indicators:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="145"/>
        <source>备注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="146"/>
        <source>保存村级情况</source>
        <translation>Save village&apos;s year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="162"/>
        <source>只读：填报村级情况需要队长、村两委或区县的权限</source>
        <translation>Read-only: recording a village&apos;s year needs a team leader, village committee or district account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="166"/>
        <source>贫困发生率与退出判断</source>
        <translation>Poverty incidence and village exit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="181"/>
        <source>年度目标任务</source>
        <translation>Annual targets</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="193"/>
        <source>本年度没有目标任务（由区县下达，同步后显示）</source>
        <translation>No targets for this year (the district sets them; they arrive by sync)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="205"/>
        <source>设定</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="206"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="207"/>
        <source>导入目标…</source>
        <translation>Import targets…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="208"/>
        <source>导出目标表…</source>
        <translation>Export targets table…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="304"/>
        <source>本系统计算：{0}%（贫困人口 {1} 人、{2} 户 / 农村人口 {3} 人）</source>
        <translation>Computed here: {0}% ({1} poor people in {2} households / rural population {3})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="307"/>
        <source>本系统计算：无法计算，未填农村人口（贫困人口 {0} 人、{1} 户）</source>
        <translation>Computed here: not possible without the rural population ({0} poor people in {1} households)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="311"/>
        <source>官方数据：未填</source>
        <translation>Official figure: not recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="313"/>
        <source>官方数据：{0}%（相差 {1} 个百分点）</source>
        <translation>Official figure: {0}% (difference {1} percentage points)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="316"/>
        <source>官方数据：{0}%</source>
        <translation>Official figure: {0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="320"/>
        <source>贫困发生率低于 {0}%</source>
        <translation>poverty incidence below {0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="322"/>
        <source>村集体经济收入不低于 {0}</source>
        <translation>collective income at least {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="323"/>
        <source>退出指标全部达标</source>
        <translation>every exit indicator met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="324"/>
        <source>退出标准：{0}</source>
        <translation>Exit standard: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="324"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="326"/>
        <source>✔ 达到贫困村退出标准</source>
        <translation>✔ Meets the village exit standard</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="330"/>
        <source>✘ 尚未达到退出标准：</source>
        <translation>✘ Does not yet meet the exit standard:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="335"/>
        <source>贫困发生率无法计算：未填农村人口</source>
        <translation>Poverty incidence cannot be computed: no rural population recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="337"/>
        <source>贫困发生率 {0} 未低于 {1}</source>
        <translation>Poverty incidence {0} is not below {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="339"/>
        <source>未填村集体经济收入（标准 {0}）</source>
        <translation>No collective income recorded (standard {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="341"/>
        <source>村集体经济收入 {0} 未达到 {1}</source>
        <translation>Collective income {0} does not reach {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="343"/>
        <source>参考数据中没有“{0}”的退出标准</source>
        <translation>The reference data has no exit standard for “{0}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="344"/>
        <source>{0}未达标</source>
        <translation>{0}: not met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="385"/>
        <source>已保存村级年度情况</source>
        <translation>Village&apos;s year saved</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="397"/>
        <source>未保存：{0} 已在别处修改。请核对后再次保存（将以您填写的为准）</source>
        <translation>Not saved: {0} changed elsewhere. Check, then save again (what you entered will be kept)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="437"/>
        <source>已设定目标</source>
        <translation>Target set</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="443"/>
        <source>删除目标</source>
        <translation>Delete target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="444"/>
        <source>删除 {0} 的“{1}”目标（{2}）？</source>
        <translation>Delete the “{1}” target of {0} ({2})?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="452"/>
        <source>已删除目标</source>
        <translation>Target deleted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="459"/>
        <location filename="../../fieldapp/gui/targets/page.py" line="473"/>
        <location filename="../../fieldapp/gui/targets/page.py" line="486"/>
        <location filename="../../fieldapp/gui/targets/page.py" line="490"/>
        <source>导入目标任务</source>
        <translation>Import targets</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="459"/>
        <location filename="../../fieldapp/gui/targets/page.py" line="507"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="483"/>
        <source>……另有 {0} 行有错误</source>
        <translation>…and {0} more rows with errors</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="484"/>
        <source>未导入任何目标：请改正以下各行后重新导入。</source>
        <translation>No target was imported: correct these rows, then import again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="485"/>
        <source>表中没有填写目标值的行，未导入。</source>
        <translation>No row of the table has a target value: nothing imported.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="491"/>
        <source>{0}。导入？</source>
        <translation>{0}. Import?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="498"/>
        <source>已导入目标任务：写入 {0} 条</source>
        <translation>Targets imported: {0} written</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="506"/>
        <source>{0}年度目标任务.xlsx</source>
        <translation>targets-{0}.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="507"/>
        <source>导出目标表</source>
        <translation>Export targets table</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="518"/>
        <source>已导出目标表（{0} 行）：{1}</source>
        <translation>Targets table exported ({0} rows): {1}</translation>
    </message>
</context>
<context>
    <name>TextEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="131"/>
        <source>最多{0}个字，现有{1}个字</source>
        <translation>At most {0} characters, {1} entered</translation>
    </message>
</context>
<context>
    <name>TraceForm</name>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="36"/>
        <source>全部项目（现值由谁填报）</source>
        <translation>All fields (who entered each current value)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="43"/>
        <source>只查“{0}”的每一次填报</source>
        <translation>Only “{0}”: every value it held</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="44"/>
        <source>项目</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="50"/>
        <source>请先选择农户（户编号、公示牌编码或户主姓名）</source>
        <translation>Choose a household first (household number, plate code or head&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="52"/>
        <source>责任倒查表-{0}-{1}</source>
        <translation>Responsibility trace-{0}-{1}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="132"/>
        <source>已锁定</source>
        <extracomment>a wrong password (the number of failures in a row so far)</extracomment>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="139"/>
        <source>长时间未操作，已锁定。打开的窗口和未保存的内容都还在。</source>
        <translation>Locked after a time without use. Open windows and unsaved work are kept.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="146"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="150"/>
        <source>账号：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="151"/>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="187"/>
        <source>密码不正确，请重新输入。</source>
        <translation>Wrong password; please type it again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="198"/>
        <source>密码不正确，已连续 {0} 次。请 {1} 秒后再试。</source>
        <translation>Wrong password, {0} times in a row. Try again in {1} seconds.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="204"/>
        <source>请 {0} 秒后再试。</source>
        <translation>Try again in {0} seconds.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="211"/>
        <source>可以再试了。</source>
        <translation>You can try again now.</translation>
    </message>
</context>
<context>
    <name>VillageStatusModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63"/>
        <source>乡镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63"/>
        <source>走访户次</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63"/>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="64"/>
        <source>退出</source>
        <translation>Exited</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="64"/>
        <source>未解决问题</source>
        <translation>Open problems</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68"/>
        <source>未上报</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68"/>
        <source>未签字</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="69"/>
        <source>迟报</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="71"/>
        <source>（{0} 签字）</source>
        <translation> (signed {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="73"/>
        <source>，已逾期</source>
        <translation>, overdue</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="117"/>
        <source>农户走访</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="118"/>
        <source>村级活动（会议、培训、民主评议等）</source>
        <translation>Village activity (meeting, training, democratic review, etc.)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="126"/>
        <source>如：第二季度民主评议会</source>
        <translation>e.g. Q2 democratic review meeting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="131"/>
        <source>走访中了解到的情况</source>
        <translation>What was learned during the visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="133"/>
        <source>采取的措施、办理的事项及成效</source>
        <translation>Measures taken, matters handled and results</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="176"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="178"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="179"/>
        <source>删除本条记录</source>
        <translation>Delete this record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="181"/>
        <source>保存并关闭 (Ctrl+S)</source>
        <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="253"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="254"/>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="330"/>
        <source>村级活动</source>
        <translation>Village activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="296"/>
        <source>请先保存修改再签字</source>
        <translation>Save your changes before signing</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="314"/>
        <source>请选择农户（输入姓名、拼音首字母或户编号搜索）</source>
        <translation>Select a household (search by name, pinyin initials or household no.)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="333"/>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="334"/>
        <source>记录</source>
        <translation>New </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="334"/>
        <source>修改</source>
        <translation>Edit </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="345"/>
        <source>第{0}项：{1}</source>
        <translation>Item {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="352"/>
        <source>有 {0} 处需要更正。第一处：{1}</source>
        <translation>{0} problems to correct. First: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="381"/>
        <source>正在导入照片，请等导入完成后再保存。</source>
        <translation>Photos are being imported; please wait until the import has finished before saving.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="414"/>
        <source>已保存{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="418"/>
        <source>村级活动记录</source>
        <translation>village activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="420"/>
        <source>走访记录：{0}</source>
        <translation>visit to {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="420"/>
        <source>走访记录</source>
        <translation>visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="493"/>
        <source>删除走访记录</source>
        <translation>Delete visit record</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="493"/>
        <source>确定删除这条走访记录吗？删除后可在变更记录中查到。</source>
        <translation>Delete this visit record? It can still be found in the change history afterwards.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="494"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="494"/>
        <source>不删除</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="512"/>
        <source>已删除{0}</source>
        <translation>Deleted: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="517"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="517"/>
        <source>这条走访记录有未保存的修改。要保存吗？</source>
        <translation>This visit record has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518"/>
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="85"/>
        <source>农户 / 活动</source>
        <translation>Household / activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="87"/>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="166"/>
        <source>村级活动：{0}</source>
        <translation>Village activity: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="177"/>
        <source>{0}项</source>
        <translation>{0} items</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="72"/>
        <source>记录走访</source>
        <extracomment>a visit of this household was saved or deleted through a form opened here</extracomment>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="75"/>
        <source>新增农户保存后才能记录走访。</source>
        <translation>Visits can be recorded once the new household has been saved.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="76"/>
        <source>双击一条记录可查看或修改。</source>
        <translation>Double-click a record to view or edit it.</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="104"/>
        <source> 天</source>
        <extracomment>the workbench was (re)computed and shown the next steps when the register has no households yet (the main window opens them)</extracomment>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="105"/>
        <source>多少天没有走访的农户列入“未走访”</source>
        <translation>Households not visited for this many days are listed under “Not visited”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="106"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="107"/>
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="110"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="110"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="120"/>
        <source>未走访天数</source>
        <translation>Days without a visit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="148"/>
        <source>还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。</source>
        <translation>No households yet. Import them from a spreadsheet exported from the national system, or add them one by one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="149"/>
        <source>导入农户…</source>
        <translation>Import households…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="150"/>
        <source>新建农户…</source>
        <translation>New household…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="190"/>
        <source>本村</source>
        <translation>This village</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="191"/>
        <source>{0}的工作台&#x3000;{1}</source>
        <translation>{0}&apos;s Workbench&#x3000;{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="206"/>
        <source>到期/逾期事项</source>
        <translation>Due/overdue items</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="211"/>
        <source>{0}天未走访</source>
        <translation>Not visited for {0} days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="215"/>
        <source>两不愁三保障未达标</source>
        <translation>Two assurances, three guarantees not met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="217"/>
        <source>未达标：{0}</source>
        <translation>Not met: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="219"/>
        <source>{0}年 {1}元</source>
        <translation>{0}: {1} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="220"/>
        <source>人均收入低于监测线</source>
        <translation>Income below monitoring line</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="220"/>
        <source>（监测线：{0}）</source>
        <translation> (monitoring line: {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="222"/>
        <source>{0}年人均纯收入 {1}元，低于监测线 {2}元</source>
        <translation>{0} net income per person {1} yuan, below the monitoring line of {2} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="227"/>
        <source>参考数据中没有 {0} 年的监测线，未能判断该年度收入是否低于监测线</source>
        <translation>Reference data has no monitoring line for {0}; could not tell whether that year&apos;s income is below it</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="228"/>
        <source>{0}年没有监测线</source>
        <translation>No monitoring line for {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="233"/>
        <source>我的包扶户</source>
        <translation>My paired households</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="235"/>
        <source>未同步修改 {0} 条</source>
        <translation>Unsynced changes: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="292"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="298"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="302"/>
        <source>只显示前 {0} 条</source>
        <translation>Only the first {0} shown</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="323"/>
        <source>从未走访</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="324"/>
        <source>最近走访 {0}（{1}天前）</source>
        <translation>Last visited {0} ({1} days ago)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="327"/>
        <source>，{0}组</source>
        <translation>, group {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="331"/>
        <source>村级活动</source>
        <translation>Village activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="333"/>
        <source>已逾期 {0} 天（{1} 到期）</source>
        <translation>Overdue by {0} days (due {1})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="335"/>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="337"/>
        <source>{0} 到期</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="209"/>
        <source>整改任务</source>
        <translation>Rectifications</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="348"/>
        <source>已报告完成，待审核员确认</source>
        <translation>Reported done, awaiting the reviewer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="350"/>
        <source>已逾期（{0} 到期）</source>
        <translation>Overdue (due {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="352"/>
        <source>{0} 前整改</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="353"/>
        <source>（退回：{0}）</source>
        <translation> (sent back: {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="373"/>
        <source>报告整改完成</source>
        <translation>Report rectification done</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="373"/>
        <source>整改了什么（审核员确认后关闭）：</source>
        <translation>What was done (closed once the reviewer confirms):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="379"/>
        <source>已报告整改完成，等待审核员确认</source>
        <translation>Reported done; waiting for the reviewer to confirm</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="251"/>
        <source>{0}年人均纯收入 {1}元，不高于监测线 {2}元</source>
        <translation>{0} income per person {1} yuan, not above the monitoring line of {2} yuan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="254"/>
        <source>；回车发起监测</source>
        <translation>; Enter starts monitoring</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="258"/>
        <source>建议纳入监测</source>
        <translation>Proposed for monitoring</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="379"/>
        <source>动态管理</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="382"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="396"/>
        <source>动态管理 — {0}</source>
        <translation>Workflows — {0}</translation>
    </message>
</context>
<context>
    <name>WorkflowListActions</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/list_actions.py" line="30"/>
        <source>动态管理…</source>
        <translation>Workflows…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/list_actions.py" line="34"/>
        <source>发起流程…</source>
        <translation>Start a workflow…</translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="94"/>
        <source>发起流程(&amp;Q)…</source>
        <extracomment>the panel was (re)loaded</extracomment>
        <translation>Start a workflow (&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="97"/>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="265"/>
        <source>决定当前步骤(&amp;J)…</source>
        <translation>Decide the current step (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="107"/>
        <source>流程：</source>
        <translation>Workflow:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="127"/>
        <source>新增农户保存后才能发起流程。</source>
        <translation>Save the new household before starting a workflow.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="198"/>
        <source>{0}（{1} 发起）：{2}</source>
        <translation>{0} (started {1}): {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="210"/>
        <source>已脱贫</source>
        <translation>exited poverty</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="210"/>
        <source>未脱贫</source>
        <translation>not exited</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="212"/>
        <source>脱贫状态：{0}（由流程得出）</source>
        <translation>Exit status: {0} (derived from the workflows)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="214"/>
        <source>脱贫状态：{0}（导入的状态，不是逐级决定产生的）</source>
        <translation>Exit status: {0} (imported, not from step-by-step decisions)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="217"/>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="293"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="220"/>
        <source>注意：该户有 {0} 个同时进行的流程（在不同笔记本上各自发起），多余的一个可以不通过并写明理由。</source>
        <translation>Note: this household has {0} workflows running at once (started on different laptops); fail the extra one with a reason.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="223"/>
        <source>还没有流程记录。</source>
        <translation>No workflow yet.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="231"/>
        <source>进行中，当前步骤 {0} {1}</source>
        <translation>running, current step {0} {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="232"/>
        <source>已完成</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="232"/>
        <source>未通过（已结束）</source>
        <translation>failed (ended)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="233"/>
        <source>有冲突，待处理</source>
        <translation>conflict, to be settled</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="233"/>
        <source>导入的状态</source>
        <translation>imported state</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="236"/>
        <source>（曾越过退出标准）</source>
        <translation> (exit standard overridden)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="264"/>
        <source>处理冲突(&amp;J)…</source>
        <translation>Settle the conflict (&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="294"/>
        <source>来源：导入。升级时档案中填写的脱贫状态为“{0}”，不是逐级决定产生的。</source>
        <translation>Source: imported. At the upgrade the record&apos;s typed exit status was “{0}”; it does not come from step-by-step decisions.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="295"/>
        <source>发起：{0}，{1}；状态：{2}</source>
        <translation>Started by {0} on {1}; state: {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="298"/>
        <source>监测对象类别：{0}；风险类型：{1}</source>
        <translation>Monitoring category: {0}; risk type: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="301"/>
        <source>问题：{0}</source>
        <translation>Problem: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="309"/>
        <source>本户赞成 {0}、反对 {1}</source>
        <translation>this household: {0} for, {1} against</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="309"/>
        <source>赞成 {0}、反对 {1}</source>
        <translation>{0} for, {1} against</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="310"/>
        <source>评议会议：{0}，到会 {1} 人，{2}{3}</source>
        <translation>Meeting: {0}, {1} present, {2}{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="312"/>
        <source>（决定据此作出）</source>
        <translation> (the decision rests on it)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="313"/>
        <source>未张贴</source>
        <translation>not posted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="313"/>
        <source>已张贴，公示期未开始</source>
        <translation>posted, period not begun</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="314"/>
        <source>已张贴，公示期内</source>
        <translation>posted, period running</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="314"/>
        <source>已张贴，已期满</source>
        <translation>posted, period over</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="319"/>
        <source>（{0} 张贴）</source>
        <translation> (posted {0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="320"/>
        <source>公示：{0}，{1} 至 {2}（{3} 天），{4}</source>
        <translation>Notice: {0}, {1} to {2} ({3} days), {4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="322"/>
        <source>异议成立</source>
        <translation>objection upheld</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="322"/>
        <source>异议不成立</source>
        <translation>objection dismissed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="325"/>
        <source>已办结：{0}（{1}，{2}）</source>
        <translation>handled: {0} ({1}, {2})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="329"/>
        <source>未办结，阻止通过</source>
        <translation>open, blocks the pass</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="330"/>
        <source>异议：{0} 收到 {1} 提出：{2}；{3}</source>
        <translation>Objection: received {0} from {1}: {2}; {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="160"/>
        <source>附件（会议记录、脱贫确认书等照片；Enter 或双击打开）：</source>
        <translation>Attachments (photos of minutes, signed confirmations…; Enter or double click opens one):</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="282"/>
        <source>{0}（评议会议）</source>
        <translation>{0} (deliberation meeting)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="218"/>
        <source>脱贫状态：{0}（建档时导入的“{1}”，没有办结的流程）</source>
        <translation>Exit status: {0} (“{1}” imported with the record; no finished workflow)</translation>
    </message>
</context>
<context>
    <name>YesNoCombo</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247"/>
        <source>未填</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="64"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="65"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_ReadOnlyTable</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201"/>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201"/>
        <source>未达标</source>
        <translation>Short</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201"/>
        <source>进行中</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>account_menu</name>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="260"/>
        <source>账号(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="273"/>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="274"/>
        <source>切换账号(&amp;S)…</source>
        <translation>&amp;Switch account…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="276"/>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="279"/>
        <source>账号管理(&amp;M)</source>
        <translation>&amp;Manage accounts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="283"/>
        <source>自动锁定(&amp;T)…</source>
        <translation>Automatic lock &amp;time…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fieldapp/gui/app.py" line="79"/>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/app.py" line="126"/>
        <location filename="../../fieldapp/gui/app.py" line="309"/>
        <location filename="../../fieldapp/gui/app.py" line="368"/>
        <source>驻村帮扶工作台</source>
        <extracomment>what the app needs after the login, imported on a background thread while the person types</extracomment>
        <translation>Village Assistance Workbench</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="69"/>
        <source>输入有误</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="70"/>
        <source>请改正以下问题：</source>
        <translation>Please correct the following:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="77"/>
        <source>无法完成操作</source>
        <translation>Cannot complete the operation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="79"/>
        <source>（未配置日志文件）</source>
        <translation>(no log file configured)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="80"/>
        <source>程序错误，详情见日志 {0}</source>
        <translation>Program error; see the log {0} for details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="81"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="78"/>
        <source>已取消，没有写入任何内容</source>
        <translation>Cancelled; nothing was written</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="84"/>
        <source>无法完成</source>
        <translation>Cannot complete</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="89"/>
        <source>新建农户(&amp;N)…</source>
        <translation>&amp;New household…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="91"/>
        <source>记录走访(&amp;V)…</source>
        <translation>Record &amp;visit…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="97"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="98"/>
        <source>查找农户(&amp;F)</source>
        <translation>&amp;Find household</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="70"/>
        <source>密码不正确，请重新输入。</source>
        <extracomment>what the main window needs, imported while the person types (order: deepest first)</extracomment>
        <translation>Wrong password; please type it again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="72"/>
        <source>本机没有这个账号。</source>
        <translation>There is no such account on this laptop.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="74"/>
        <source>尝试次数过多，请 {0} 秒后再试。</source>
        <translation>Too many attempts; try again in {0} seconds.</translation>
    </message>
</context>
<context>
    <name>passwords</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="41"/>
        <source>新密码至少要 {0} 个字符。</source>
        <extracomment>the shortest password accepted by the dialogs (the service may ask for more)</extracomment>
        <translation>The new password needs at least {0} characters.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="43"/>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>pdfdoc</name>
    <message>
        <location filename="../../fieldapp/gui/printing/pdfdoc.py" line="228"/>
        <source>打印机无法开始打印：{0}</source>
        <extracomment>held around every call into PDFium, from any thread pages are rasterised for printing at no more than this (memory: an A3 page at 300 dpi is ~52 MB)</extracomment>
        <translation>The printer could not start printing: {0}</translation>
    </message>
</context>
</TS>
