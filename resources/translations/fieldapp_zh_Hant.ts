<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_Hant" sourcelanguage="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="669" />
        <source>签字并保存(&amp;G)</source>
        <translation>簽字並保存(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="677" />
        <source>项目验收 — {0}</source>
        <translation>項目驗收 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="680" />
        <source>验收日期：</source>
        <translation>驗收日期：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="682" />
        <source>参加人员：</source>
        <translation>參加人員：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="683" />
        <source>每行一人，如 镇长 赵某</source>
        <translation>每行一人，如 鎮長 趙某</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="686" />
        <source>验收意见：</source>
        <translation>驗收意見：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="689" />
        <source>验收合格（项目改为“已验收”）</source>
        <translation>驗收合格（項目改為“已驗收”）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="692" />
        <source>保存时以 {0} 的签名签字；签字后如再修改，将显示“签字后已修改”。</source>
        <translation>保存時以 {0} 的簽名簽字；簽字後如再修改，將顯示“簽字後已修改”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="693" />
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="717" />
        <source>验收签字须以本人账户登录</source>
        <translation>驗收簽字須以本人帳戶登入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="695" />
        <source>签字：</source>
        <translation>簽字：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="702" />
        <source>验收日期</source>
        <translation>驗收日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="705" />
        <source>项目处于“{0}”，完工后才能验收</source>
        <translation>項目處於“{0}”，完工後才能驗收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="708" />
        <source>请填写验收日期</source>
        <translation>請填寫驗收日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="710" />
        <source>请填写参加验收的人员</source>
        <translation>請填寫參加驗收的人員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="712" />
        <source>请填写验收意见</source>
        <translation>請填寫驗收意見</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="714" />
        <source>验收日期 {0} 早于实际完工日期 {1}</source>
        <translation>驗收日期 {0} 早於實際完工日期 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="727" />
        <source>验收已签字保存，验证码 {0}</source>
        <translation>驗收已簽字保存，驗證碼 {0}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="130" />
        <source>添加账号</source>
        <translation>新增帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="130" />
        <source>角色和村：{0}</source>
        <translation>角色和村：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="140" />
        <source>账号(&amp;N)：</source>
        <translation>帳號(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="141" />
        <source>干部(&amp;C)：</source>
        <translation>幹部(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="143" />
        <source>账号：</source>
        <translation>帳號：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="148" />
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="149" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="151" />
        <source>密码(&amp;P)：</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="152" />
        <source>再输一遍(&amp;A)：</source>
        <translation>再輸一遍(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="159" />
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="160" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="180" />
        <source>请填写账号。</source>
        <extracomment>set by the page: runs the write; the dialog closes when it succeeds</extracomment>
        <translation>請填寫帳號。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="182" />
        <source>请选择干部。</source>
        <translation>請選擇幹部。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="184" />
        <source>请至少选择一个角色。</source>
        <translation>請至少選擇一個角色。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254" />
        <source>账号</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254" />
        <source>干部</source>
        <translation>幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254" />
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="254" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="255" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="265" />
        <source>添加账号(&amp;N)…</source>
        <translation>新增帳號(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="267" />
        <source>重置密码(&amp;R)…</source>
        <translation>重設密碼(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="269" />
        <source>角色和村(&amp;O)…</source>
        <translation>角色和村(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="271" />
        <source>本机账号。密码只保存在本机，不会同步；角色和村由区县人员名册同步。</source>
        <translation>本機帳號。密碼只儲存在本機，不會同步；角色和村由區縣人員名冊同步。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="306" />
        <source>启用</source>
        <translation>啟用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="306" />
        <source>停用</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="336" />
        <source>已添加账号“{0}”</source>
        <translation>已新增帳號「{0}」</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="350" />
        <source>已修改“{0}”的角色和村</source>
        <translation>已修改「{0}」的角色和村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="364" />
        <source>已重置“{0}”的密码</source>
        <translation>已重設「{0}」的密碼</translation>
    </message>
</context>
<context>
    <name>AddAssetDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="98" />
        <source>登记资产（由已验收项目形成）</source>
        <translation>登記資產（由已驗收項目形成）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="107" />
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="127" />
        <source>村集体</source>
        <translation>村集體</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="112" />
        <source>项目(&amp;P)</source>
        <translation>項目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="113" />
        <source>资产名称(&amp;N)</source>
        <translation>資產名稱(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="114" />
        <source>类别(&amp;K)</source>
        <translation>類別(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="115" />
        <source>资产价值（元）(&amp;V)</source>
        <translation>資產價值（元）(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="116" />
        <source>坐落位置(&amp;L)</source>
        <translation>坐落位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="117" />
        <source>产权归属(&amp;O)</source>
        <translation>產權歸屬(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="118" />
        <source>管护主体(&amp;M)</source>
        <translation>管護主體(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="119" />
        <source>备注</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="139" />
        <source>没有已验收的项目：项目验收合格后才能登记资产</source>
        <translation>沒有已驗收的項目：項目驗收合格後才能登記資產</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="419" />
        <source>批复(&amp;A)</source>
        <translation>批覆(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="427" />
        <source>批复 — {0}</source>
        <translation>批覆 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="430" />
        <source> 元</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="450" />
        <source>项目已批复</source>
        <translation>項目已批覆</translation>
    </message>
</context>
<context>
    <name>ArchiveForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="306" />
        <source>按月</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="307" />
        <source>按年</source>
        <translation>按年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="314" />
        <source> 年</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="322" />
        <source>包扶干部</source>
        <translation>包扶幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="323" />
        <source>期间</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="335" />
        <source>请选择包扶干部</source>
        <translation>請選擇包扶幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="339" />
        <source>包扶纪实档案-{0}-{1}年{2}月</source>
        <translation>包扶紀實檔案-{0}-{1}年{2}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="342" />
        <source>包扶纪实档案-{0}-{1}年</source>
        <translation>包扶紀實檔案-{0}-{1}年</translation>
    </message>
</context>
<context>
    <name>ArchivePage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="69" />
        <source>全年</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="71" />
        <source>{0}月</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="72" />
        <source>全部农户（输入姓名或户编号筛选）</source>
        <translation>全部農戶（輸入姓名或戶編號篩選）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="75" />
        <source>搜索情况、措施、活动名称</source>
        <translation>搜索情況、措施、活動名稱</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="77" />
        <source>记录走访</source>
        <translation>記錄走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="78" />
        <source>导出PDF</source>
        <translation>導出PDF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="79" />
        <source>导出所选干部该年度（或所选月份）的包扶纪实档案</source>
        <translation>導出所選幹部該年度（或所選月份）的包扶紀實檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="123" />
        <source>这里还没有走访记录。入户走访或开展村级活动后，在这里记下来。</source>
        <translation>這裡還沒有走訪記錄。入戶走訪或開展村級活動後，在這裡記下來。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="124" />
        <source>记录走访…</source>
        <translation>記錄走訪…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="128" />
        <source>干部</source>
        <translation>幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="128" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="129" />
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="129" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="197" />
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="235" />
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="287" />
        <source>{0}年</source>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="235" />
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="287" />
        <source>{0}年{1}月</source>
        <translation>{0}年{1}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="237" />
        <source>{0}：已显示前 {1} 条，向下滚动加载更多</source>
        <translation>{0}：已顯示前 {1} 條，向下滾動加載更多</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="239" />
        <source>{0}：共 {1} 条记录</source>
        <translation>{0}：共 {1} 條記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="288" />
        <source>包扶纪实档案_{0}_{1}.pdf</source>
        <translation>包扶紀實檔案_{0}_{1}.pdf</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="289" />
        <source>导出包扶纪实档案</source>
        <translation>導出包扶紀實檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="290" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="305" />
        <source>正在导出 {0} …</source>
        <translation>正在導出 {0} …</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/archive_page.py" line="313" />
        <source>已导出：{0}</source>
        <translation>已導出：{0}</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="106" />
        <source>服务区域</source>
        <extracomment>the setup creates the first account (the people services are installed): the wizard asks for its password</extracomment>
        <translation>服務區域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="107" />
        <source>这台电脑为哪个乡镇、哪些村服务。</source>
        <translation>這台電腦為哪個鄉鎮、哪些村服務。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="109" />
        <source>例如：商州区</source>
        <translation>例如：商州區</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="111" />
        <source>可不填；6位数字，例如 611002</source>
        <translation>可不填；6位數字，例如 611002</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="114" />
        <source>例如：北宽坪镇</source>
        <translation>例如：北寬坪鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="116" />
        <source>每行一个村名</source>
        <translation>每行一個村名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="119" />
        <source>区县</source>
        <translation>區縣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="120" />
        <source>区县代码</source>
        <translation>區縣代碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="121" />
        <source>乡镇</source>
        <translation>鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="122" />
        <source>村（每行一个）</source>
        <translation>村（每行一個）</translation>
    </message>
</context>
<context>
    <name>AssetSharesTab</name>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="34" />
        <source>由扶贫资产收益分配到本户的金额（在“资产台账”登记，此处只读）。</source>
        <translation>由扶貧資產收益分配到本戶的金額（在“資產台帳”登記，此處只讀）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37" />
        <source>资产</source>
        <translation>資產</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37" />
        <source>类别</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="37" />
        <source>所属项目</source>
        <translation>所屬項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="38" />
        <source>金额（元）</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="72" />
        <source>{0}年合计</source>
        <translation>{0}年合計</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/household_tab.py" line="74" />
        <source>（本户没有分到资产收益）</source>
        <translation>（本戶沒有分到資產收益）</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="102" />
        <source>全部村</source>
        <translation>全部村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="103" />
        <source>全部类别</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="104" />
        <source>全部状态</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="107" />
        <source>村(&amp;V)</source>
        <translation>村(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="107" />
        <source>类别(&amp;K)</source>
        <translation>類別(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="108" />
        <source>状态(&amp;T)</source>
        <translation>狀態(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133" />
        <source>收益</source>
        <translation>收益</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133" />
        <source>分配到户</source>
        <translation>分配到戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="133" />
        <source>户数</source>
        <translation>戶數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="134" />
        <source>村集体留存</source>
        <translation>村集體留存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="135" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="135" />
        <source>分配金额</source>
        <translation>分配金額</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136" />
        <source>变更</source>
        <translation>變更</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136" />
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="136" />
        <source>产权归属</source>
        <translation>產權歸屬</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137" />
        <source>管护主体</source>
        <translation>管護主體</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="137" />
        <source>签字</source>
        <translation>簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="145" />
        <source>收益及分配</source>
        <translation>收益及分配</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="147" />
        <source>分配到户（所选年度）</source>
        <translation>分配到戶（所選年度）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="152" />
        <source>资产变更（签字，不能删除）</source>
        <translation>資產變更（簽字，不能刪除）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="157" />
        <source>登记资产(&amp;A)…</source>
        <translation>登記資產(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="158" />
        <source>收益及分配(&amp;I)…</source>
        <translation>收益及分配(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="159" />
        <source>移交(&amp;H)…</source>
        <translation>移交(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="160" />
        <source>毁损(&amp;D)…</source>
        <translation>毀損(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="161" />
        <source>处置(&amp;X)…</source>
        <translation>處置(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="162" />
        <source>打印台账(&amp;P)…</source>
        <translation>打印台帳(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="163" />
        <source>导出 Excel(&amp;E)…</source>
        <translation>導出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="206" />
        <source>共 {0} 项</source>
        <translation>共 {0} 項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="227" />
        <source>签字有效</source>
        <translation>簽字有效</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="227" />
        <source>签字后内容已被修改</source>
        <translation>簽字後內容已被修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="228" />
        <source>签名无效</source>
        <translation>簽名無效</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="228" />
        <source>未签字</source>
        <translation>未簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="234" />
        <source>（未选择资产）</source>
        <translation>（未選擇資產）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="239" />
        <source>{0}：{1}，价值 {2} 元；{3}；产权 {4}，管护 {5}；{6}；项目“{7}”</source>
        <translation>{0}：{1}，價值 {2} 元；{3}；產權 {4}，管護 {5}；{6}；項目“{7}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="291" />
        <source>已登记资产“{0}”</source>
        <translation>已登記資產“{0}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="319" />
        <source>已登记 {0} 年收益并分配到 {1} 户</source>
        <translation>已登記 {0} 年收益並分配到 {1} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="332" />
        <source>已登记{0}并签字</source>
        <translation>已登記{0}並簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="337" />
        <source>打印资产台账</source>
        <translation>打印資產台帳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="337" />
        <source>资产台账.pdf</source>
        <translation>資產台帳.pdf</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="338" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="343" />
        <source>导出资产台账</source>
        <translation>導出資產台帳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="343" />
        <source>资产台账.xlsx</source>
        <translation>資產台帳.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="344" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/page.py" line="354" />
        <source>已生成资产台账 {0}（{1} 项）</source>
        <translation>已生成資產台帳 {0}（{1} 項）</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="67" />
        <source>说明（可不填）</source>
        <translation>說明（可不填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="68" />
        <source>添加附件(&amp;A)…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="71" />
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="109" />
        <source>选择附件照片</source>
        <translation>選擇附件照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="110" />
        <source>图片 (*.jpg *.jpeg *.png);;所有文件 (*)</source>
        <translation>圖片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="207" />
        <source>（照片未同步到本机）</source>
        <translation>（照片未同步到本機）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="210" />
        <source>{0}×{1}，校验值 {2}（Enter 打开）</source>
        <translation>{0}×{1}，校驗值 {2}（Enter 打開）</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="82" />
        <source> 年</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="86" />
        <source>在村签到</source>
        <translation>在村簽到</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="87" />
        <source>记录本人在所选日期在村（当天没有走访记录时使用）</source>
        <translation>記錄本人在所選日期在村（當天沒有走訪記錄時使用）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="90" />
        <source>导出Excel</source>
        <translation>導出Excel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="102" />
        <source>确认补登(&amp;Q)</source>
        <translation>確認補登(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="103" />
        <source>确认所选干部在该日在村（本人的补登不能自己确认）</source>
        <translation>確認所選幹部在該日在村（本人的補登不能自己確認）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="106" />
        <source>签字关闭所选月份(&amp;L)…</source>
        <translation>簽字關閉所選月份(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="107" />
        <source>队长对所选干部这个月的在村记录签字背书；关闭后修改须先说明原因重新打开</source>
        <translation>隊長對所選幹部這個月的在村記錄簽字背書；關閉後修改須先說明原因重新打開</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="108" />
        <source>重新打开(&amp;R)…</source>
        <translation>重新打開(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="109" />
        <source>说明原因后重新打开已关闭的月份；原因永久保留</source>
        <translation>說明原因後重新打開已關閉的月份；原因永久保留</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="133" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="136" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="144" />
        <source>驻村工作队员每月在村天数（走访日与在村签到日合计，同一天只算一次；每月不少于{0}天为达标）</source>
        <translation>駐村工作隊員每月在村天數（走訪日與在村簽到日合計，同一天只算一次；每月不少於{0}天為達標）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="146" />
        <source>包扶单位领导本年走访次数（本人签字的走访，每年不少于{0}次）</source>
        <translation>包扶單位領導本年走訪次數（本人簽字的走訪，每年不少於{0}次）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="188" />
        <source>正在计算…</source>
        <translation>正在計算…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="201" />
        <source>补登待确认（登记晚于在村日期 {0} 天以上，确认后计入在村天数）：{1} 条</source>
        <translation>補登待確認（登記晚於在村日期 {0} 天以上，確認後計入在村天數）：{1} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="221" />
        <source>{0}年：驻村干部 {1} 人，未达标 {2} 人次；单位领导 {3} 人</source>
        <translation>{0}年：駐村幹部 {1} 人，未達標 {2} 人次；單位領導 {3} 人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="246" />
        <source>请填写日期</source>
        <translation>請填寫日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="258" />
        <source>已补登：{0} 在村，队长确认后计入在村天数</source>
        <translation>已補登：{0} 在村，隊長確認後計入在村天數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="260" />
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="275" />
        <source>已签到：{0} 在村</source>
        <translation>已簽到：{0} 在村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="299" />
        <source>{0} {1}年{2}月（在村 {3} 天）</source>
        <translation>{0} {1}年{2}月（在村 {3} 天）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="302" />
        <source>签字关闭月份</source>
        <translation>簽字關閉月份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="303" />
        <source>以本人签名对 {0} 的在村记录签字背书并关闭这个月？
关闭后修改须先说明原因重新打开。</source>
        <translation>以本人簽名對 {0} 的在村記錄簽字背書並關閉這個月？
關閉後修改須先說明原因重新打開。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="304" />
        <source>签字关闭</source>
        <translation>簽字關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="304" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="312" />
        <source>已签字关闭：{0}</source>
        <translation>已簽字關閉：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="321" />
        <source>重新打开月份</source>
        <translation>重新打開月份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="321" />
        <source>重新打开 {0} {1}年{2}月的原因：</source>
        <translation>重新打開 {0} {1}年{2}月的原因：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="331" />
        <source>已重新打开：{0} {1}年{2}月</source>
        <translation>已重新打開：{0} {1}年{2}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="367" />
        <source>已确认 {0} {1} 在村</source>
        <translation>已確認 {0} {1} 在村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="372" />
        <source>驻村考勤_{0}年.xlsx</source>
        <translation>駐村考勤_{0}年.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="373" />
        <source>导出驻村考勤</source>
        <translation>導出駐村考勤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="374" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/attendance_page.py" line="389" />
        <source>已导出：{0}</source>
        <translation>已導出：{0}</translation>
    </message>
</context>
<context>
    <name>AuditVerify</name>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="20" />
        <source>本机</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="22" />
        <source>设备 {0}</source>
        <translation>設備 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="24" />
        <source>断裂 {0} 处</source>
        <translation>斷裂 {0} 處</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="26" />
        <source>完好</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="27" />
        <source>{0}：{1} 条记录，{2}</source>
        <translation>{0}：{1} 條記錄，{2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="30" />
        <source>修改记录链完好：共校验 {0} 条。</source>
        <translation>修改記錄鏈完好：共校驗 {0} 條。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="34" />
        <source>……另有 {0} 处</source>
        <translation>……另有 {0} 處</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="35" />
        <source>修改记录链断裂：记录在程序之外被改动过，下列记录的作者和内容不可信。</source>
        <translation>修改記錄鏈斷裂：記錄在程式之外被改動過，下列記錄的作者和內容不可信。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="42" />
        <source>校验修改记录（防篡改）…</source>
        <translation>校驗修改記錄（防篡改）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/verify.py" line="49" />
        <source>校验修改记录</source>
        <translation>校驗修改記錄</translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="37" />
        <source>住址与联系方式</source>
        <translation>住址與聯繫方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="39" />
        <source>未填</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="42" />
        <source>手机或座机</source>
        <translation>手機或座機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="47" />
        <source>识别与致贫原因</source>
        <translation>識別與致貧原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="59" />
        <source>留空时按贫困户属性自动判定（兜底户 / 脱贫户）</source>
        <translation>留空時按貧困戶屬性自動判定（兜底戶 / 脫貧戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="66" />
        <source>自动：{0}</source>
        <translation>自動：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="87" />
        <source>—（由流程确定：保存后在“动态管理”中发起纳入、退出或返贫）</source>
        <translation>—（由流程確定：保存後在“動態管理”中發起納入、退出或返貧）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="90" />
        <source>（未定）</source>
        <translation>（未定）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="91" />
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="92" />
        <source>由流程确定</source>
        <translation>由流程確定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="91" />
        <source>导入</source>
        <translation>匯入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="92" />
        <source>{0}（{1}）</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="94" />
        <source>进行中：{0}</source>
        <translation>進行中：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="99" />
        <source>{0}年</source>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/basic_tab.py" line="100" />
        <source>脱贫状态和脱贫年度由动态管理流程确定，不能直接修改：脱贫请发起“退出”流程，返贫请发起“返贫”流程</source>
        <translation>脫貧狀態和脫貧年度由動態管理流程確定，不能直接修改：脫貧請發起“退出”流程，返貧請發起“返貧”流程</translation>
    </message>
</context>
<context>
    <name>BeneficiaryDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="370" />
        <source>受益户 — {0}</source>
        <translation>受益戶 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="379" />
        <source>说明：</source>
        <translation>說明：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="395" />
        <source>请选择受益户</source>
        <translation>請選擇受益戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="397" />
        <source>请填写计划金额</source>
        <translation>請填寫計劃金額</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="412" />
        <source>受益户已保存</source>
        <translation>受益戶已保存</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="322" />
        <source>预算 — {0}</source>
        <translation>預算 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="331" />
        <source>不填则为各渠道合计</source>
        <translation>不填則為各渠道合計</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="335" />
        <source>项目已批复：修改预算需要批复权限</source>
        <translation>項目已批覆：修改預算需要批覆權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="358" />
        <source>预算已保存</source>
        <translation>預算已保存</translation>
    </message>
</context>
<context>
    <name>CadreDaysModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41" />
        <source>干部</source>
        <translation>幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41" />
        <source>在村天数</source>
        <translation>在村天數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41" />
        <source>是否达标</source>
        <translation>是否達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="41" />
        <source>考勤签字关闭</source>
        <translation>考勤簽字關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="48" />
        <source>达标</source>
        <translation>達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="48" />
        <source>未达标</source>
        <translation>未達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="49" />
        <source>已关闭</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="49" />
        <source>未关闭</source>
        <translation>未關閉</translation>
    </message>
</context>
<context>
    <name>CadrePage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="133" />
        <source>包扶干部</source>
        <translation>包扶幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="134" />
        <source>使用这台电脑的干部。每条修改都会记下填报人。</source>
        <translation>使用這台電腦的幹部。每條修改都會記下填報人。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="137" />
        <source>例如：区国土资源局</source>
        <translation>例如：區國土資源局</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="139" />
        <source>手机号11位，或座机如 0914-1234567</source>
        <translation>手機號11位，或座機如 0914-1234567</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="143" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="144" />
        <source>派出单位</source>
        <translation>派出單位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="145" />
        <source>电话</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="146" />
        <source>角色</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>CardsForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="144" />
        <source>全村</source>
        <extracomment>the user asked for the door-plate layout settings</extracomment>
        <translation>全村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="145" />
        <source>一个组</source>
        <translation>一個組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="146" />
        <source>农户页选中的户</source>
        <translation>農戶頁選中的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="151" />
        <location filename="../../fieldapp/gui/printing/forms.py" line="206" />
        <source>全部村</source>
        <translation>全部村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="156" />
        <source>门牌样式…</source>
        <translation>門牌樣式…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="163" />
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="164" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="165" />
        <source>组</source>
        <translation>組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="166" />
        <source>选中的户</source>
        <translation>選中的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="171" />
        <source>样式</source>
        <translation>樣式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="190" />
        <source>{0} 户（在“农户”页中选择，可按 Ctrl 或 Shift 多选）</source>
        <translation>{0} 戶（在“農戶”頁中選擇，可按 Ctrl 或 Shift 多選）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="192" />
        <source>A4 横向</source>
        <translation>A4 橫向</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="192" />
        <source>A3 横向</source>
        <translation>A3 橫向</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="193" />
        <source>A4 一纸两张</source>
        <translation>A4 一紙兩張</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="195" />
        <source>{0}，标题“{1}”</source>
        <translation>{0}，標題“{1}”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="203" />
        <source>请先在“农户”页中选择要打印门牌的户</source>
        <translation>請先在“農戶”頁中選擇要打印門牌的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="204" />
        <source>信息公示牌-选中{0}户</source>
        <translation>信息公示牌-選中{0}戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="210" />
        <source>这个村还没有分组的农户</source>
        <translation>這個村還沒有分組的農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="211" />
        <source>信息公示牌-{0}第{1}组</source>
        <translation>信息公示牌-{0}第{1}組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="213" />
        <source>信息公示牌-{0}</source>
        <translation>信息公示牌-{0}</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="274" />
        <source>资产{0} — {1}</source>
        <translation>資產{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="282" />
        <source>村集体</source>
        <translation>村集體</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="291" />
        <source>日期(&amp;D)</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="292" />
        <source>原因(&amp;R)</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="294" />
        <source>新产权归属(&amp;O)</source>
        <translation>新產權歸屬(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="296" />
        <source>管护主体(&amp;M)</source>
        <translation>管護主體(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="297" />
        <source>变更后状态(&amp;S)</source>
        <translation>變更後狀態(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="299" />
        <source>保存即由 {0} 签字；签字后的变更记录不能修改或删除。</source>
        <translation>保存即由 {0} 簽字；簽字後的變更記錄不能修改或刪除。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="307" />
        <source>请填写日期</source>
        <translation>請填寫日期</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="52" />
        <source>修改密码</source>
        <translation>修改密碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="60" />
        <source>账号：</source>
        <translation>帳號：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="61" />
        <source>原密码(&amp;O)：</source>
        <translation>原密碼(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="62" />
        <source>新密码(&amp;N)：</source>
        <translation>新密碼(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="63" />
        <source>再输一遍(&amp;A)：</source>
        <translation>再輸一遍(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="65" />
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="66" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="91" />
        <source>原密码不正确。</source>
        <translation>原密碼不正確。</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../fieldapp/gui/charts/canvas.py" line="125" />
        <source>{0}：{1}户（点击列出）</source>
        <translation>{0}：{1}戶（點擊列出）</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="90" />
        <source> 年</source>
        <translation> 年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="91" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="94" />
        <source>打印挂图…</source>
        <translation>打印掛圖…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100" />
        <source>贫困对象分布图</source>
        <translation>貧困對象分佈圖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100" />
        <source>计划措施细则图</source>
        <translation>計劃措施細則圖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="100" />
        <source>产业发展规划图</source>
        <translation>產業發展規劃圖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="101" />
        <source>任务进度进展图</source>
        <translation>任務進度進展圖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="108" />
        <source>点击图中的数字，列出其中的户</source>
        <translation>點擊圖中的數字，列出其中的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="119" />
        <source>打开农户</source>
        <translation>打開農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="127" />
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="129" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="174" />
        <source>本机还没有村、乡镇或区县</source>
        <translation>本機還沒有村、鄉鎮或區縣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="192" />
        <source>无</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="193" />
        <source>{0} {1}年 · 计算于 {2:%Y-%m-%d %H:%M} · 数据截至 {3}</source>
        <translation>{0} {1}年 · 計算於 {2:%Y-%m-%d %H:%M} · 數據截至 {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="210" />
        <source>{0}：{1}户</source>
        <translation>{0}：{1}戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="247" />
        <source>保存挂图</source>
        <translation>保存掛圖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="247" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/page.py" line="257" />
        <source>已生成挂图：{0}</source>
        <translation>已生成掛圖：{0}</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213" />
        <source>派出单位</source>
        <translation>派出單位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="213" />
        <source>{0}月</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="214" />
        <source>达标月数</source>
        <translation>達標月數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="244" />
        <source>{0}年{1}月在村 {2} 天（要求不少于15天）</source>
        <translation>{0}年{1}月在村 {2} 天（要求不少於15天）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="247" />
        <source>；队长已签字关闭本月</source>
        <translation>；隊長已簽字關閉本月</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110" />
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110" />
        <source>当前值</source>
        <translation>當前值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="110" />
        <source>当前值来自</source>
        <translation>當前值來自</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="111" />
        <source>另一值</source>
        <translation>另一值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="111" />
        <source>另一值来自</source>
        <translation>另一值來自</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="133" />
        <source>时钟超前</source>
        <translation>時鐘超前</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="133" />
        <source>对方时钟 {0}</source>
        <translation>對方時鐘 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="134" />
        <source>已校正为 {0}</source>
        <translation>已校正為 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="137" />
        <source>删除与修改：{0}</source>
        <translation>刪除與修改：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="138" />
        <location filename="../../fieldapp/gui/sync/models.py" line="148" />
        <source>已删除</source>
        <translation>已刪除</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="106" />
        <source>已锁定</source>
        <extracomment>tries allowed before each failure makes the next try wait (as the login service does) what counts as someone at the keyboard</extracomment>
        <translation>已鎖定</translation>
    </message>
</context>
<context>
    <name>CrossCheckDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="47" />
        <source>部门名单比对</source>
        <translation>部門名單比對</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="50" />
        <source>民政、残联、医保等部门的名单（.xlsx 或 .csv，须有证件号码列）</source>
        <translation>民政、殘聯、醫保等部門的名單（.xlsx 或 .csv，須有證件號碼列）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="51" />
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="54" />
        <source>低保名单</source>
        <translation>低保名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="54" />
        <source>特困供养名单</source>
        <translation>特困供養名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="55" />
        <source>残疾人名单</source>
        <translation>殘疾人名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="55" />
        <source>医保参保名单</source>
        <translation>醫保參保名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="57" />
        <source>比对</source>
        <translation>比對</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="68" />
        <source>导出Excel…</source>
        <translation>導出Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="70" />
        <source>导出PDF…</source>
        <translation>導出PDF…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="79" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="85" />
        <source>名单文件</source>
        <translation>名單文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="90" />
        <source>名单类别</source>
        <translation>名單類別</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="104" />
        <source>选择部门名单</source>
        <translation>選擇部門名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="105" />
        <source>电子表格 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>電子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="122" />
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="127" />
        <source>请先选择名单文件</source>
        <translation>請先選擇名單文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="134" />
        <source>正在比对…</source>
        <translation>正在比對…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="141" />
        <source>比对完成，共 {0} 条需要核实</source>
        <translation>比對完成，共 {0} 條需要核實</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="150" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="150" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="151" />
        <source>保存比对报告</source>
        <translation>保存比對報告</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="169" />
        <source>报告已保存：{0}</source>
        <translation>報告已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/crosscheck_dialog.py" line="172" />
        <source>正在保存报告…</source>
        <translation>正在保存報告…</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="31" />
        <source>数据(&amp;D)</source>
        <translation>數據(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="35" />
        <source>导入农户（Excel/CSV）…</source>
        <translation>導入農戶（Excel/CSV）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="36" />
        <source>导入项目库…</source>
        <translation>導入項目庫…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="37" />
        <source>导出为 Excel…</source>
        <translation>導出為 Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/menu.py" line="39" />
        <source>部门名单比对…</source>
        <translation>部門名單比對…</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="135" />
        <source>决定：{0}</source>
        <translation>決定：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="151" />
        <source>通过(&amp;P)</source>
        <translation>通過(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="152" />
        <source>不通过(&amp;F)</source>
        <translation>不通過(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="153" />
        <source>退回上一步(&amp;R)</source>
        <translation>退回上一步(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="166" />
        <source>不通过、退回、越过退出标准和处理冲突时必填</source>
        <translation>不通過、退回、越過退出標準和處理衝突時必填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="170" />
        <source>不符合退出标准，仍拟退出（须写明理由并签字，记录中始终可见）(&amp;O)</source>
        <translation>不符合退出標準，仍擬退出（須寫明理由並簽字，記錄中始終可見）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="217" />
        <source>决定：</source>
        <translation>決定：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="220" />
        <source>评议会议(&amp;M)：</source>
        <translation>評議會議(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="222" />
        <source>理由(&amp;Y)：</source>
        <translation>理由(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="230" />
        <location filename="../../fieldapp/gui/workflow/decide.py" line="309" />
        <source>确定并签字</source>
        <translation>確定並簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="231" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="249" />
        <source>{0}：到会 {1} 人，赞成 {2}、反对 {3}（{4} 户）</source>
        <translation>{0}：到會 {1} 人，贊成 {2}、反對 {3}（{4} 戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="279" />
        <source>{0}：“{1}”的步骤 {2} {3}（由{4}决定）</source>
        <translation>{0}：“{1}”的步驟 {2} {3}（由{4}決定）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="286" />
        <source>本步骤有互相冲突的决定：本决定将处理冲突（须写明理由并签字），冲突的决定保留为已取代。</source>
        <translation>本步驟有互相衝突的決定：本決定將處理衝突（須寫明理由並簽字），衝突的決定保留為已取代。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="303" />
        <source>将以本人签名密钥签字（签字背书），签字后不能修改或删除。</source>
        <translation>將以本人簽名密鑰簽字（簽字背書），簽字後不能修改或刪除。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="307" />
        <source>本步骤不需签字；决定记录决定人、角色和时间，不能修改或删除。</source>
        <translation>本步驟不需簽字；決定記錄決定人、角色和時間，不能修改或刪除。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="309" />
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="320" />
        <source>请写明理由：不通过、退回、越过退出标准和处理冲突都须写明理由</source>
        <translation>請寫明理由：不通過、退回、越過退出標準和處理衝突都須寫明理由</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338" />
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338" />
        <source>不通过</source>
        <translation>不通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="338" />
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="339" />
        <source>已{0} {1} 户：{2}</source>
        <translation>已{0} {1} 戶：{2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="379" />
        <source>不符合退出标准：{0}</source>
        <translation>不符合退出標準：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="381" />
        <source>确需退出的，勾选上方“仍拟退出”并写明理由，决定与理由一并签字。</source>
        <translation>確需退出的，勾選上方“仍擬退出”並寫明理由，決定與理由一併簽字。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="383" />
        <source>本账号没有越过退出标准的权限（{0}）。</source>
        <translation>本帳號沒有越過退出標準的權限（{0}）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="386" />
        <source>{0} 起才能通过本步骤：{1}</source>
        <translation>{0} 起才能通過本步驟：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="206" />
        <source>本步骤通过须附上“{0}”的照片（户主签字后拍照或扫描）。</source>
        <translation>本步驟通過須附上“{0}”的照片（戶主簽字後拍照或掃描）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="216" />
        <source>一并决定的户：</source>
        <translation>一併決定的戶：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="226" />
        <source>附件：</source>
        <translation>附件：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="253" />
        <source>没有评议过这些户的会议：先在“公示与评议”页的“评议会议”中登记评议会议（登记评议会议…），才能通过或不通过本步骤；退回不需要会议。</source>
        <translation>沒有評議過這些戶的會議：先在“公示與評議”頁的“評議會議”中登記評議會議（登記評議會議…），才能通過或不通過本步驟；退回不需要會議。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="282" />
        <source>批量决定 {0} 户：“{1}”的步骤 {2} {3}（由{4}决定），一个理由、一个签字，全部决定或全部不决定。</source>
        <translation>批量決定 {0} 戶：“{1}”的步驟 {2} {3}（由{4}決定），一個理由、一個簽字，全部決定或全部不決定。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="301" />
        <source>将以本人签名密钥签一个字，覆盖这 {0} 户的全部决定（一个验证码），签字后不能修改或删除。</source>
        <translation>將以本人簽名密鑰簽一個字，覆蓋這 {0} 戶的全部決定（一個驗證碼），簽字後不能修改或刪除。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="342" />
        <source>（签字验证码 {0}）</source>
        <translation>（簽字驗證碼 {0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="368" />
        <source>批量决定未执行，{0} 户均未写入。以下 {1} 户不能决定：</source>
        <translation>批量決定未執行，{0} 戶均未寫入。以下 {1} 戶不能決定：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="371" />
        <source>请在审核列表中去掉这些户，或处理上述问题后再决定。</source>
        <translation>請在審核列表中去掉這些戶，或處理上述問題後再決定。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/decide.py" line="305" />
        <source>附件的照片包含在签字内容中。</source>
        <translation>附件的照片包含在簽字內容中。</translation>
    </message>
</context>
<context>
    <name>DecimalEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="420" />
        <source>请输入数字</source>
        <translation>請輸入數字</translation>
    </message>
</context>
<context>
    <name>DecisionModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185" />
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185" />
        <source>步骤</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185" />
        <source>决定</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185" />
        <source>决定人</source>
        <translation>決定人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="185" />
        <source>角色</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186" />
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186" />
        <source>签字</source>
        <translation>簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="186" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="198" />
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="198" />
        <source>不通过</source>
        <translation>不通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="199" />
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="212" />
        <source>未签字（本步骤须签字）</source>
        <translation>未簽字（本步驟須簽字）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="212" />
        <source>不需签字</source>
        <translation>不需簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="215" />
        <source>签字未同步到本机</source>
        <translation>簽字未同步到本機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="217" />
        <source>签名无效：{0}</source>
        <translation>簽名無效：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="220" />
        <source>已签字，验证码 {0}</source>
        <translation>已簽字，驗證碼 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="232" />
        <source>互相冲突，待处理</source>
        <translation>互相衝突，待處理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="234" />
        <source>冲突中被处理决定取代</source>
        <translation>衝突中被處理決定取代</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="236" />
        <source>越过退出标准</source>
        <translation>越過退出標準</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="238" />
        <source>处理了 {0} 个冲突的决定</source>
        <translation>處理了 {0} 個衝突的決定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="219" />
        <source>已签字（批量决定，一个签字覆盖 {0} 户），验证码 {1}</source>
        <translation>已簽字（批量決定，一個簽字覆蓋 {0} 戶），驗證碼 {1}</translation>
    </message>
</context>
<context>
    <name>DeliberatedModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149" />
        <source>评议</source>
        <translation>評議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149" />
        <source>户编号</source>
        <translation>戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149" />
        <source>流程</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="149" />
        <source>步骤</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="150" />
        <source>本户赞成</source>
        <translation>本戶贊成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="150" />
        <source>本户反对</source>
        <translation>本戶反對</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="609" />
        <source>登记拨付(&amp;D)</source>
        <translation>登記撥付(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="617" />
        <source>资金拨付 — {0}</source>
        <translation>資金撥付 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="621" />
        <source>批复 / 已拨付：</source>
        <translation>批覆 / 已撥付：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="621" />
        <source>{0} 元 / {1} 元</source>
        <translation>{0} 元 / {1} 元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="623" />
        <source>拨付日期：</source>
        <translation>撥付日期：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="625" />
        <source>拨付金额：</source>
        <translation>撥付金額：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="629" />
        <source>拨付对象：</source>
        <translation>撥付對象：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="630" />
        <source>拨给谁，如 镇财政所、合作社</source>
        <translation>撥給誰，如 鎮財政所、合作社</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="631" />
        <source>凭证号：</source>
        <translation>憑證號：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="635" />
        <source>拨付日期</source>
        <translation>撥付日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="635" />
        <source>拨付金额</source>
        <translation>撥付金額</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="637" />
        <source>请填写拨付日期</source>
        <translation>請填寫撥付日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="639" />
        <source>请填写拨付金额</source>
        <translation>請填寫撥付金額</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="641" />
        <source>请填写拨付对象（拨给谁）</source>
        <translation>請填寫撥付對象（撥給誰）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="644" />
        <source>请填写凭证号</source>
        <translation>請填寫憑證號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="646" />
        <source>凭证号 {0} 已登记过（同一笔拨付不能重复登记）</source>
        <translation>憑證號 {0} 已登記過（同一筆撥付不能重複登記）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="662" />
        <source>拨付已登记</source>
        <translation>撥付已登記</translation>
    </message>
</context>
<context>
    <name>DisclosureModel</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31" />
        <source>类别</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31" />
        <source>公示内容</source>
        <translation>公示內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31" />
        <source>公示期</source>
        <translation>公示期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="31" />
        <source>张贴</source>
        <translation>張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="32" />
        <source>账目核对</source>
        <translation>賬目核對</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="32" />
        <source>签发人</source>
        <translation>簽發人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="33" />
        <source>未张贴</source>
        <translation>未張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="33" />
        <source>已张贴，未到公示期</source>
        <translation>已張貼，未到公示期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="34" />
        <source>公示中</source>
        <translation>公示中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="34" />
        <source>公示期已满</source>
        <translation>公示期已滿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="35" />
        <source>资金使用计划公示</source>
        <translation>資金使用計劃公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="35" />
        <source>项目公示</source>
        <translation>項目公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="36" />
        <source>项目完成公告</source>
        <translation>項目完成公告</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="36" />
        <source>到户补助公示</source>
        <translation>到戶補助公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="50" />
        <source>未记录</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51" />
        <source>一致</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51" />
        <source>已过时</source>
        <translation>已過時</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="51" />
        <source>签字不符</source>
        <translation>簽字不符</translation>
    </message>
</context>
<context>
    <name>DisclosureObjectionDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="164" />
        <source>登记异议</source>
        <translation>登記異議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="165" />
        <source>登记</source>
        <translation>登記</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="167" />
        <source>姓名；匿名反映的写“匿名”</source>
        <translation>姓名；匿名反映的寫“匿名”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="170" />
        <source>异议内容</source>
        <translation>異議內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="172" />
        <source>{0}：{1}，公示期 {2} 至 {3}</source>
        <translation>{0}：{1}，公示期 {2} 至 {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="176" />
        <source>异议人(&amp;F)：</source>
        <translation>異議人(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="177" />
        <source>内容(&amp;C)：</source>
        <translation>內容(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="178" />
        <source>收到日期(&amp;D)：</source>
        <translation>收到日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="188" />
        <source>已登记异议</source>
        <translation>已登記異議</translation>
    </message>
</context>
<context>
    <name>DisclosureObjectionModel</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67" />
        <source>收到日期</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67" />
        <source>公示</source>
        <translation>公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67" />
        <source>异议人</source>
        <translation>異議人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67" />
        <source>内容</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="67" />
        <source>办理结果</source>
        <translation>辦理結果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="77" />
        <source>异议成立</source>
        <translation>異議成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="77" />
        <source>异议不成立</source>
        <translation>異議不成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/models.py" line="78" />
        <source>未办结</source>
        <translation>未辦結</translation>
    </message>
</context>
<context>
    <name>DisclosureRequest</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="203" />
        <source>{0}，{1} 至 {2}</source>
        <translation>{0}，{1} 至 {2}</translation>
    </message>
</context>
<context>
    <name>DisclosureTab</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="73" />
        <source>签发资金公示…(&amp;F)</source>
        <translation>簽發資金公示…(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="74" />
        <source>打印公示(&amp;N)</source>
        <translation>打印公示(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="75" />
        <source>记录张贴…(&amp;S)</source>
        <translation>記錄張貼…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="76" />
        <source>登记异议…(&amp;B)</source>
        <translation>登記異議…(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="77" />
        <source>办理异议…(&amp;J)</source>
        <translation>辦理異議…(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="87" />
        <source>对资金公示的异议：</source>
        <translation>對資金公示的異議：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="108" />
        <source>本账号没有这项权限</source>
        <translation>本帳號沒有這項權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="160" />
        <source>尚未签发资金公示。金额取自项目台账，签发时签字。</source>
        <translation>尚未簽發資金公示。金額取自項目台帳，簽發時簽字。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/tab.py" line="165" />
        <source>……另有 {0} 处（fieldapp disclosure show 列出全部）</source>
        <translation>……另有 {0} 處（fieldapp disclosure show 列出全部）</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="130" />
        <source>{0}组</source>
        <extracomment>the choices changed (the page re-checks whether it can generate)</extracomment>
        <translation>{0}組</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="40" />
        <source>抽取抽查样本</source>
        <translation>抽取抽查樣本</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="44" />
        <source>（乡镇）</source>
        <translation>（鄉鎮）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="44" />
        <source>（村）</source>
        <translation>（村）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="48" />
        <source>乡镇审核</source>
        <translation>鄉鎮審核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="48" />
        <source>区县审批</source>
        <translation>區縣審批</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="53" />
        <source>留空则随机生成</source>
        <translation>留空則隨機生成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="56" />
        <source>不分层</source>
        <translation>不分層</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="57" />
        <source>按村分层</source>
        <translation>按村分層</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="58" />
        <source>按户类型分层（兜底户/脱贫户）</source>
        <translation>按戶類型分層（兜底戶/脫貧戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="65" />
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="66" />
        <source>抽查角色</source>
        <translation>抽查角色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="67" />
        <source>抽查比例</source>
        <translation>抽查比例</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="69" />
        <source>随机种子</source>
        <translation>隨機種子</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="70" />
        <source>分层</source>
        <translation>分層</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="72" />
        <source>抽取</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="78" />
        <source>同一种子和抽样框总能抽出同一样本；种子和抽样框校验值随抽样记录，任何人都可复核。</source>
        <translation>同一種子和抽樣框總能抽出同一樣本；種子和抽樣框校驗值隨抽樣記錄，任何人都可複核。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="89" />
        <source>最低比例：{0}%</source>
        <translation>最低比例：{0}%</translation>
    </message>
</context>
<context>
    <name>DrawModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61" />
        <source>抽样时间</source>
        <translation>抽樣時間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61" />
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61" />
        <source>比例</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61" />
        <source>抽中</source>
        <translation>抽中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="61" />
        <source>已查</source>
        <translation>已查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="62" />
        <source>不正确</source>
        <translation>不正確</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="62" />
        <source>抽样人</source>
        <translation>抽樣人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="66" />
        <source>{0}/{1} 户</source>
        <translation>{0}/{1} 戶</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23" />
        <source>户编号</source>
        <translation>戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23" />
        <source>组</source>
        <translation>組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="23" />
        <source>人口</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="24" />
        <source>属性</source>
        <translation>屬性</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/charts/models.py" line="24" />
        <source>脱贫状态</source>
        <translation>脫貧狀態</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="206" />
        <source>新建项目</source>
        <translation>新建項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="207" />
        <source>编辑项目 — {0}</source>
        <translation>編輯項目 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="223" />
        <source>计划工期：</source>
        <translation>計劃工期：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="240" />
        <source>预算（按资金渠道）：</source>
        <translation>預算（按資金渠道）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="241" />
        <source>不填则为各渠道合计</source>
        <translation>不填則為各渠道合計</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="244" />
        <source>实际工期：</source>
        <translation>實際工期：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="263" />
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="279" />
        <source>请选择项目所属的村或乡镇</source>
        <translation>請選擇項目所屬的村或鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="281" />
        <source>请填写项目名称</source>
        <translation>請填寫項目名稱</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="283" />
        <source>请选择项目类型</source>
        <translation>請選擇項目類型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="285" />
        <source>请填写实施单位</source>
        <translation>請填寫實施單位</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="68" />
        <source>请检查服务器地址是否正确、本机是否联网。</source>
        <translation>請檢查服務器地址是否正確、本機是否聯網。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="70" />
        <source>本机已加入另一台区县服务器。如确需改为加入这台服务器，请勾选“改为加入这台服务器”后重试。</source>
        <translation>本機已加入另一臺區縣服務器。如確需改為加入這台服務器，請勾選“改為加入這台服務器”後重試。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="73" />
        <source>本机已被区县服务器吊销，不能再用这台笔记本的身份加入。</source>
        <translation>本機已被區縣服務器吊銷，不能再用這檯筆記本的身份加入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="77" />
        <source>未能加入：{0}</source>
        <translation>未能加入：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="105" />
        <source>加入区县服务器</source>
        <extracomment>the server answered; its fingerprint is shown (the health answer) enrolled (:class:`EnrolResult`); the dialog closes a step failed (the exception); the error is shown in the dialog</extracomment>
        <translation>加入區縣服務器</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="106" />
        <source>请输入区县管理员给的服务器地址和一次性加入码。先核对服务器指纹，确认无误后再加入：加入码只能使用一次。</source>
        <translation>請輸入區縣管理員給的服務器地址和一次性加入碼。先核對服務器指紋，確認無誤後再加入：加入碼只能使用一次。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="113" />
        <source>{0}的笔记本</source>
        <translation>{0}的筆記本</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="114" />
        <source>改为加入这台服务器（替换已加入的 {0}）</source>
        <translation>改為加入這台服務器（替換已加入的 {0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="127" />
        <source>连接并核对指纹</source>
        <translation>連接並核對指紋</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="129" />
        <source>确认加入</source>
        <translation>確認加入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="136" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="147" />
        <source>服务器地址</source>
        <translation>服務器地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="148" />
        <source>加入码</source>
        <translation>加入碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="149" />
        <source>本机名称</source>
        <translation>本機名稱</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="201" />
        <source>请输入服务器地址。</source>
        <translation>請輸入服務器地址。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="204" />
        <source>正在连接 {0}…</source>
        <translation>正在連接 {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="228" />
        <source>区县服务器</source>
        <translation>區縣服務器</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="229" />
        <source>服务器“{0}”（{1}）的指纹：
{2}
请与区县管理员核对指纹完全一致后，再点“确认加入”。</source>
        <translation>服務器“{0}”（{1}）的指紋：
{2}
請與區縣管理員核對指紋完全一致後，再點“確認加入”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="244" />
        <source>请输入加入码。</source>
        <translation>請輸入加入碼。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="249" />
        <source>正在加入…</source>
        <translation>正在加入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/enrol_dialog.py" line="255" />
        <source>服务器的回答与刚才核对的指纹不同：可能有人冒充服务器，已拒绝，未加入</source>
        <translation>服務器的回答與剛才核對的指紋不同：可能有人冒充服務器，已拒絕，未加入</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="58" />
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="179" />
        <source>导出为 Excel</source>
        <translation>導出為 Excel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60" />
        <source>农户及家庭成员（可再导入）</source>
        <translation>農戶及家庭成員（可再導入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60" />
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="132" />
        <source>村台账</source>
        <translation>村台帳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="60" />
        <source>包扶纪实档案</source>
        <translation>包扶紀實檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="61" />
        <source>驻村考勤</source>
        <translation>駐村考勤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="63" />
        <source>按“农户”页当前的筛选和搜索</source>
        <translation>按“農戶”頁當前的篩選和搜索</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="71" />
        <source>全年</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="73" />
        <source>{0}月</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="74" />
        <source>导出…</source>
        <translation>導出…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="80" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="83" />
        <source>导出内容</source>
        <translation>導出內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="85" />
        <source>干部</source>
        <translation>幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="86" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="87" />
        <source>月份</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="132" />
        <source>农户及家庭成员</source>
        <translation>農戶及家庭成員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="133" />
        <source>包扶纪实档案_{0}</source>
        <translation>包扶紀實檔案_{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="134" />
        <source>驻村考勤_{0}年</source>
        <translation>駐村考勤_{0}年</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="142" />
        <source>已导出村台账（{0} 户）：{1}</source>
        <translation>已導出村台帳（{0} 戶）：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="143" />
        <source>已导出包扶纪实档案：{0}</source>
        <translation>已導出包扶紀實檔案：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="144" />
        <source>已导出驻村考勤：{0}</source>
        <translation>已導出駐村考勤：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="145" />
        <source>请选择干部</source>
        <translation>請選擇幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="169" />
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="180" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/export_dialog.py" line="206" />
        <source>正在导出…</source>
        <translation>正在導出…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="117" />
        <source>导出到U盘</source>
        <translation>導出到U盤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="120" />
        <source>全区县</source>
        <translation>全區縣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="120" />
        <source>{0} 个村</source>
        <translation>{0} 個村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="121" />
        <source>{0}（{1}，待发送 {2} 条）</source>
        <translation>{0}（{1}，待發送 {2} 條）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="128" />
        <source>同步包已加密，只有接收方能打开。请把U盘交给接收方导入。</source>
        <translation>同步包已加密，只有接收方能打開。請把U盤交給接收方導入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="126" />
        <source>接收方：</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="127" />
        <source>写入到：</source>
        <translation>寫入到：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="128" />
        <source>导出</source>
        <translation>導出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="129" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="140" />
        <source>还没有登记任何同步对象（区县）。请先登记区县，或运行 fieldapp demo。</source>
        <translation>還沒有登記任何同步對象（區縣）。請先登記區縣，或運行 fieldapp demo。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="142" />
        <source>请选择U盘或文件夹。</source>
        <translation>請選擇U盤或文件夾。</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="23" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="23" />
        <source>数量</source>
        <translation>數量</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81" />
        <source>问题</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81" />
        <source>名单行号</source>
        <translation>名單行號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81" />
        <source>姓名（名单）</source>
        <translation>姓名（名單）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="81" />
        <source>姓名（登记册）</source>
        <translation>姓名（登記冊）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82" />
        <source>证件号码</source>
        <translation>證件號碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82" />
        <source>户编号</source>
        <translation>戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="82" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="104" />
        <source>设置第一个账号</source>
        <translation>設定第一個帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="106" />
        <source>这台电脑还没有账号。请为本机的包扶干部设置登录密码：这个账号是本机的队长和管理员，可以为队员添加账号。</source>
        <translation>這台電腦還沒有帳號。請為本機的包扶幹部設定登入密碼：這個帳號是本機的隊長和管理員，可以為隊員新增帳號。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="115" />
        <source>账号(&amp;N)：</source>
        <translation>帳號(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="116" />
        <source>密码(&amp;P)：</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="117" />
        <source>再输一遍(&amp;A)：</source>
        <translation>再輸一遍(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="119" />
        <source>创建</source>
        <translation>建立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="120" />
        <source>退出</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="132" />
        <source>请填写账号。</source>
        <translation>請填寫帳號。</translation>
    </message>
</context>
<context>
    <name>FolderPicker</name>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="42" />
        <source>U盘 {0}（{1}，可用 {2}）</source>
        <translation>U盤 {0}（{1}，可用 {2}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="44" />
        <source>［只读］</source>
        <translation>［只讀］</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="54" />
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="74" />
        <source>选择U盘或文件夹</source>
        <translation>選擇U盤或文件夾</translation>
    </message>
</context>
<context>
    <name>FollowUpEditor</name>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="207" />
        <source>添加事项</source>
        <translation>添加事項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="208" />
        <source>删除事项</source>
        <translation>刪除事項</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/followups.py" line="99" />
        <source>日期应为 年-月-日，如 2024-03-05</source>
        <translation>日期應為 年-月-日，如 2024-03-05</translation>
    </message>
</context>
<context>
    <name>HandleDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="111" />
        <source>办理异议</source>
        <translation>辦理異議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="112" />
        <source>办结</source>
        <translation>辦結</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="113" />
        <source>{0}：{1} 收到 {2} 的异议：{3}</source>
        <translation>{0}：{1} 收到 {2} 的異議：{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="116" />
        <source>办理情况：如何核实、结论是什么</source>
        <translation>辦理情況：如何核實、結論是什麼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="117" />
        <source>异议成立(&amp;U)</source>
        <translation>異議成立(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="118" />
        <source>异议不成立(&amp;M)</source>
        <translation>異議不成立(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="131" />
        <source>办理情况(&amp;H)：</source>
        <translation>辦理情況(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="132" />
        <source>结果：</source>
        <translation>結果：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="133" />
        <source>办结日期(&amp;D)：</source>
        <translation>辦結日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="136" />
        <source>异议成立的，由该步骤的决定人退回或不通过该步骤并写明理由。</source>
        <translation>異議成立的，由該步驟的決定人退回或不通過該步驟並寫明理由。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="146" />
        <source>请选择办理结果：异议成立或异议不成立</source>
        <translation>請選擇辦理結果：異議成立或異議不成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="151" />
        <source>已办结异议</source>
        <translation>已辦結異議</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43" />
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43" />
        <source>对象</source>
        <translation>對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43" />
        <source>字段</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43" />
        <source>原值</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="43" />
        <source>新值</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="44" />
        <source>填报人</source>
        <translation>填報人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="44" />
        <source>设备</source>
        <translation>設備</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/history_tab.py" line="130" />
        <source>新增农户保存后才有变更记录。</source>
        <translation>新增農戶保存後才有變更記錄。</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144" />
        <source>基本信息</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144" />
        <source>家庭成员</source>
        <translation>家庭成員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144" />
        <source>收入</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="144" />
        <source>两不愁三保障</source>
        <translation>兩不愁三保障</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145" />
        <source>帮扶措施</source>
        <translation>幫扶措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145" />
        <source>包扶责任</source>
        <translation>包扶責任</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="145" />
        <source>生产生活条件</source>
        <translation>生產生活條件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="148" />
        <source>走访记录</source>
        <translation>走訪記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="149" />
        <source>动态管理</source>
        <translation>動態管理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="150" />
        <source>资产收益</source>
        <translation>資產收益</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="151" />
        <source>变更记录</source>
        <translation>變更記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="159" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="161" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="162" />
        <source>保存并关闭 (Ctrl+S)</source>
        <translation>保存並關閉 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="197" />
        <source>请先保存修改再签字</source>
        <translation>請先保存修改再簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="240" />
        <source>新增农户</source>
        <translation>新增農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="242" />
        <source>农户档案 — {0}</source>
        <translation>農戶檔案 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="244" />
        <source>农户档案</source>
        <translation>農戶檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="291" />
        <source>有 {0} 处需要更正。第一处：{1}</source>
        <translation>有 {0} 處需要更正。第一處：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="307" />
        <source>{0} 第{1}行 {2}</source>
        <translation>{0} 第{1}行 {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="376" />
        <source>已保存农户档案：{0}</source>
        <translation>已儲存農戶檔案：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="376" />
        <source>已保存农户档案</source>
        <translation>已儲存農戶檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="407" />
        <source>家庭成员 {0}：{1}</source>
        <translation>家庭成員 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="409" />
        <source>{0}年收入：{1}</source>
        <translation>{0}年收入：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="411" />
        <source>两不愁三保障 {0}：{1}</source>
        <translation>兩不愁三保障 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="413" />
        <source>帮扶措施 {0}：{1}</source>
        <translation>幫扶措施 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="427" />
        <source>未保存的修改</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="427" />
        <source>本户档案有未保存的修改。要保存吗？</source>
        <translation>本戶檔案有未保存的修改。要保存嗎？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428" />
        <source>放弃修改</source>
        <translation>放棄修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/dialog.py" line="428" />
        <source>继续编辑</source>
        <translation>繼續編輯</translation>
    </message>
</context>
<context>
    <name>HouseholdFileForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="225" />
        <source>户编号、公示牌编码或户主姓名</source>
        <translation>戶編號、公示牌編碼或戶主姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="228" />
        <source>用农户页的当前户</source>
        <translation>用農戶頁的當前戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="232" />
        <source>显示完整证件号码（仅供内部存档，不得公开）</source>
        <translation>顯示完整證件號碼（僅供內部存檔，不得公開）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="233" />
        <source>显示完整银行账号</source>
        <translation>顯示完整銀行帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="234" />
        <source>银行账号属于敏感信息：仅在发放补贴等确需时打印，打印件须专人保管，不得张贴、拍照外传。</source>
        <translation>銀行帳號屬於敏感資訊：僅在發放補貼等確需時列印，列印件須專人保管，不得張貼、拍照外傳。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="243" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="255" />
        <source>未选择农户</source>
        <translation>未選擇農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="256" />
        <source>找不到这一户（可输入户编号、公示牌编码或户主姓名）</source>
        <translation>找不到這一戶（可輸入戶編號、公示牌編碼或戶主姓名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="258" />
        <source>户主 {0}，户编号 {1}，{2}组</source>
        <translation>戶主 {0}，戶編號 {1}，{2}組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="286" />
        <source>请先选择农户（户编号、公示牌编码或户主姓名）</source>
        <translation>請先選擇農戶（戶編號、公示牌編碼或戶主姓名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/forms.py" line="288" />
        <source>一户一档-{0}-{1}</source>
        <translation>一戶一檔-{0}-{1}</translation>
    </message>
</context>
<context>
    <name>HouseholdListPage</name>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="78" />
        <source>新增农户</source>
        <extracomment>the empty list's 导入农户 was chosen (the main window opens its import dialog)</extracomment>
        <translation>新增農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="98" />
        <source>还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。</source>
        <translation>還沒有農戶。可以從國家系統導出的表格導入，也可以逐戶新建。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="99" />
        <source>导入农户…</source>
        <translation>導入農戶…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="99" />
        <source>新建农户…</source>
        <translation>新建農戶…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="104" />
        <source>搜索：姓名 / 拼音首字母 / 身份证号 / 户编号</source>
        <translation>搜索：姓名 / 拼音首字母 / 身份證號 / 戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="116" />
        <location filename="../../fieldapp/gui/household_list.py" line="121" />
        <location filename="../../fieldapp/gui/household_list.py" line="123" />
        <location filename="../../fieldapp/gui/household_list.py" line="125" />
        <location filename="../../fieldapp/gui/household_list.py" line="127" />
        <location filename="../../fieldapp/gui/household_list.py" line="140" />
        <location filename="../../fieldapp/gui/household_list.py" line="277" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="279" />
        <source>{0}组</source>
        <translation>{0}組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="285" />
        <source>共 {0} 户</source>
        <translation>共 {0} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="287" />
        <source>超过 {0} 户</source>
        <translation>超過 {0} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="403" />
        <source>公示牌编码无效：{0}</source>
        <translation>公示牌編碼無效：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="416" />
        <source>本机没有这个公示牌编码的户</source>
        <translation>本機沒有這個公示牌編碼的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="144" />
        <source>{0}（全部环节）</source>
        <translation>{0}（全部環節）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_list.py" line="192" />
        <source>流程/环节</source>
        <translation>流程/環節</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../../fieldapp/gui/visits/picker.py" line="33" />
        <source>，{0}组</source>
        <translation>，{0}組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/picker.py" line="47" />
        <source>搜索农户：姓名 / 拼音首字母 / 身份证号 / 户编号</source>
        <translation>搜索農戶：姓名 / 拼音首字母 / 身份證號 / 戶編號</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="177" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="177" />
        <source>人口</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="179" />
        <source>人均纯收入(元)</source>
        <translation>人均純收入(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="213" />
        <source>{0}年度</source>
        <translation>{0}年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="178" />
        <source>流程/环节</source>
        <translation>流程/環節</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="224" />
        <source>{0}（有冲突）</source>
        <translation>{0}（有衝突）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="227" />
        <source>，{0}年脱贫</source>
        <translation>，{0}年脫貧</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="229" />
        <source>由流程确定{0}</source>
        <translation>由流程確定{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_model.py" line="230" />
        <source>导入的状态{0}（没有办结的流程）</source>
        <translation>匯入的狀態{0}（沒有辦結的流程）</translation>
    </message>
</context>
<context>
    <name>IdleLockDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="303" />
        <source>自动锁定</source>
        <translation>自動鎖定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="308" />
        <source> 分钟</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="309" />
        <source>不自动锁定</source>
        <translation>不自動鎖定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="310" />
        <source>多长时间没有键盘或鼠标操作后锁定，需重新输入密码。</source>
        <translation>多長時間沒有鍵盤或滑鼠操作後鎖定，需重新輸入密碼。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="313" />
        <source>锁定时间(&amp;T)：</source>
        <translation>鎖定時間(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="315" />
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="316" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="76" />
        <source>导入农户</source>
        <extracomment>the import was written (its :class:`ApplyResult`) a dry run is ready (its :class:`Plan`)</extracomment>
        <translation>導入農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="85" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="100" />
        <source>国家系统导出的农户成员表（.xlsx 或 .csv）</source>
        <translation>國家系統導出的農戶成員表（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="101" />
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="104" />
        <source>（表中须有“行政村”列）</source>
        <translation>（表中須有“行政村”列）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="107" />
        <source>下一步</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="114" />
        <source>文件</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="115" />
        <source>表中没有行政村时，新户归入</source>
        <translation>表中沒有行政村時，新戶歸入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="118" />
        <source>按户编号和证件号码与本机的户和成员对应：同一文件再次导入不会重复登记。表中空白的单元格不会清除本机已有的内容。导入前会先预览，确认后才写入。</source>
        <translation>按戶編號和證件號碼與本機的戶和成員對應：同一文件再次導入不會重複登記。表中空白的單元格不會清除本機已有的內容。導入前會先預覽，確認後才寫入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154" />
        <source>列</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137" />
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154" />
        <source>表头</source>
        <translation>表頭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="124" />
        <source>表中可以有这些列（表头写法不必完全一样，下一步可以改）：</source>
        <translation>表中可以有這些列（表頭寫法不必完全一樣，下一步可以改）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137" />
        <source>也可写作</source>
        <translation>也可寫作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137" />
        <source>每行是</source>
        <translation>每行是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="137" />
        <source>必填</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="142" />
        <source>户</source>
        <translation>戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="142" />
        <source>成员</source>
        <translation>成員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="145" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="154" />
        <source>示例</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="155" />
        <source>导入为</source>
        <translation>導入為</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="161" />
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="193" />
        <source>上一步</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="163" />
        <source>预览（试导入）</source>
        <translation>預覽（試導入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="180" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181" />
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181" />
        <source>更新</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="181" />
        <source>无变化</source>
        <translation>無變化</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="182" />
        <source>拒绝</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="195" />
        <source>保存被拒绝的行…</source>
        <translation>保存被拒絕的行…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="197" />
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="161" />
        <source>导入</source>
        <translation>導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="201" />
        <source>显示</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="221" />
        <source>选择要导入的文件</source>
        <translation>選擇要導入的文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="222" />
        <source>电子表格 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>電子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="242" />
        <source>已取消，没有写入任何内容</source>
        <translation>已取消，沒有寫入任何內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="248" />
        <source>请先选择文件</source>
        <translation>請先選擇文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="251" />
        <source>正在读取表头…</source>
        <translation>正在讀取表頭…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="255" />
        <source>工作表“{0}”，表头在第{1}行。请核对每一列导入为什么；不需要的列选“不导入”。</source>
        <translation>工作表“{0}”，表頭在第{1}行。請核對每一列導入為什麼；不需要的列選“不導入”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="265" />
        <source>不导入</source>
        <translation>不導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="299" />
        <source>还须指定：{0}</source>
        <translation>還須指定：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="301" />
        <source>同一字段指定给了多列：{0}</source>
        <translation>同一字段指定給了多列：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="317" />
        <source>正在核对…</source>
        <translation>正在核對…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="324" />
        <source>新增 {0} 户（{1} 人），更新 {2} 户，无变化 {3} 户，拒绝 {4} 户</source>
        <translation>新增 {0} 戶（{1} 人），更新 {2} 戶，無變化 {3} 戶，拒絕 {4} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="330" />
        <source>这是预览，尚未写入。确认无误后点“导入”。</source>
        <translation>這是預覽，尚未寫入。確認無誤後點“導入”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="331" />
        <source>没有需要写入的内容。</source>
        <translation>沒有需要寫入的內容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="344" />
        <source>_被拒绝的行.xlsx</source>
        <translation>_被拒絕的行.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="345" />
        <source>保存被拒绝的行</source>
        <translation>保存被拒絕的行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="346" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="356" />
        <source>已保存 {1} 行到 {0}；改正后可再次导入</source>
        <translation>已保存 {1} 行到 {0}；改正後可再次導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="357" />
        <source>正在保存…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="369" />
        <source>正在导入…</source>
        <translation>正在導入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/import_dialog.py" line="368" />
        <source>已导入：新增 {0} 户，更新 {1} 户</source>
        <translation>已匯入：新增 {0} 戶，更新 {1} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="153" />
        <source>从U盘导入</source>
        <translation>從U盤導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="156" />
        <source>改为选择文件…</source>
        <translation>改為選擇文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="160" />
        <source>将导入该文件夹中发给本机的全部同步包（按时间先后）。已导入过的同步包不会重复应用。</source>
        <translation>將導入該文件夾中發給本機的全部同步包（按時間先後）。已導入過的同步包不會重複應用。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="159" />
        <source>从：</source>
        <translation>從：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="161" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="170" />
        <source>选择同步包</source>
        <translation>選擇同步包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="170" />
        <source>同步包 (*.fapk)</source>
        <translation>同步包 (*.fapk)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/dialogs.py" line="181" />
        <source>请选择U盘或文件夹。</source>
        <translation>請選擇U盤或文件夾。</translation>
    </message>
</context>
<context>
    <name>IncomeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="155" />
        <source>收益及分配 — {0}</source>
        <translation>收益及分配 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="167" />
        <source>按比例平均分配(&amp;A)</source>
        <translation>按比例平均分配(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="168" />
        <source>清空分配</source>
        <translation>清空分配</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="170" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="170" />
        <source>分配金额（元）</source>
        <translation>分配金額（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="181" />
        <source>年度(&amp;Y)</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="182" />
        <source>收益（元）(&amp;I)</source>
        <translation>收益（元）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="183" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="185" />
        <source>分到户的比例</source>
        <translation>分到戶的比例</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="248" />
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="262" />
        <source>有分配金额不是有效的金额（元）</source>
        <translation>有分配金額不是有效的金額（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="252" />
        <source>分配到户 {0} 户，合计 {1} 元；收益 {2} 元；村集体留存 {3} 元</source>
        <translation>分配到戶 {0} 戶，合計 {1} 元；收益 {2} 元；村集體留存 {3} 元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="259" />
        <source>请填写收益（元）</source>
        <translation>請填寫收益（元）</translation>
    </message>
</context>
<context>
    <name>IncomeModel</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="93" />
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="137" />
        <source>自动计算，不能填写</source>
        <translation>自動計算，不能填寫</translation>
    </message>
</context>
<context>
    <name>IncomeTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="215" />
        <source>添加年度(&amp;N)</source>
        <translation>添加年度(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="216" />
        <source>删除所选年度</source>
        <translation>刪除所選年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="221" />
        <source>金额单位：元。家庭纯收入 = 各项收入 − 生产经营性支出；人均纯收入 = 家庭纯收入 ÷ 人口数。</source>
        <translation>金額單位：元。家庭純收入 = 各項收入 − 生產經營性支出；人均純收入 = 家庭純收入 ÷ 人口數。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="226" />
        <source>年度(&amp;Y)</source>
        <translation>年度(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="244" />
        <source>请先选择年度</source>
        <translation>請先選擇年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/income_tab.py" line="250" />
        <source>{0}年已有收入记录</source>
        <translation>{0}年已有收入記錄</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/indicators_tab.py" line="75" />
        <source>未核查</source>
        <translation>未核查</translation>
    </message>
</context>
<context>
    <name>IssueDisclosureDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="54" />
        <source>签发资金公示</source>
        <translation>簽發資金公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="55" />
        <source>签发并签字</source>
        <translation>簽發並簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="57" />
        <source>资金使用计划公示（村、年度）</source>
        <translation>資金使用計劃公示（村、年度）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="58" />
        <source>项目公示（开工前）</source>
        <translation>項目公示（開工前）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="59" />
        <source>项目完成公告（验收合格后）</source>
        <translation>項目完成公告（驗收合格後）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="60" />
        <source>到户补助公示（项目，或村、年度）</source>
        <translation>到戶補助公示（項目，或村、年度）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="69" />
        <source>—（按村和年度）</source>
        <translation>—（按村和年度）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="76" />
        <source> 天</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="78" />
        <source>如：村委会办公室 王主任 139…</source>
        <translation>如：村委會辦公室 王主任 139…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="79" />
        <source>签发后打印(&amp;P)</source>
        <translation>簽發後打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="82" />
        <source>类别(&amp;K)：</source>
        <translation>類別(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="83" />
        <source>项目(&amp;J)：</source>
        <translation>項目(&amp;J)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="84" />
        <source>村(&amp;V)：</source>
        <translation>村(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="85" />
        <source>年度(&amp;Y)：</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="86" />
        <source>公示开始(&amp;S)：</source>
        <translation>公示開始(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="87" />
        <source>公示天数(&amp;D)：</source>
        <translation>公示天數(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="88" />
        <source>异议受理(&amp;C)：</source>
        <translation>異議受理(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="89" />
        <source>金额取自项目台账，不能手工填写；签发人以本人签名密钥签字，打印件带验证二维码。公示期不得少于 {0} 天。签发后账目有变动的，公示显示为已过时，须重新签发。</source>
        <translation>金額取自項目台帳，不能手工填寫；簽發人以本人簽名密鑰簽字，打印件帶驗證二維碼。公示期不得少於 {0} 天。簽發後賬目有變動的，公示顯示為已過時，須重新簽發。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="115" />
        <source>请选择项目</source>
        <translation>請選擇項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="126" />
        <source>已签发{0}：{1} 至 {2}</source>
        <translation>已簽發{0}：{1} 至 {2}</translation>
    </message>
</context>
<context>
    <name>IssueNoticeDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="31" />
        <source>签发公示</source>
        <translation>簽發公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="32" />
        <source>签发并签字</source>
        <translation>簽發並簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="37" />
        <source>签发后打印(&amp;P)</source>
        <translation>簽發後打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="39" />
        <source>公示由签发人以本人签名密钥签字，打印件带验证二维码；签发后不能修改，张贴后记录张贴日期。</source>
        <translation>公示由簽發人以本人簽名密鑰簽字，打印件帶驗證二維碼；簽發後不能修改，張貼後記錄張貼日期。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="57" />
        <source>已签发的公示 {0}（{1} 至 {2}）已列入处于该步骤的户：请在列表中选中它打印，不必重新签发。</source>
        <translation>已簽發的公示 {0}（{1} 至 {2}）已列入處於該步驟的戶：請在列表中選中它打印，不必重新簽發。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="70" />
        <source>已签发公示：{0} 户，{1} 至 {2}</source>
        <translation>已簽發公示：{0} 戶，{1} 至 {2}</translation>
    </message>
</context>
<context>
    <name>ItemModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78" />
        <source>序号</source>
        <translation>序號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78" />
        <source>抽样时的记录</source>
        <translation>抽樣時的記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78" />
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="78" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93" />
        <source>正确</source>
        <translation>正確</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93" />
        <source>不正确</source>
        <translation>不正確</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="93" />
        <source>未查</source>
        <translation>未查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="94" />
        <source>（有照片）</source>
        <translation>（有照片）</translation>
    </message>
</context>
<context>
    <name>LateCheckInModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294" />
        <source>干部</source>
        <translation>幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294" />
        <source>在村日期</source>
        <translation>在村日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294" />
        <source>登记日期</source>
        <translation>登記日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="294" />
        <source>备注</source>
        <translation>備註</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="303" />
        <source>{0} 天后才登记：队长确认后计入在村天数</source>
        <translation>{0} 天後才登記：隊長確認後計入在村天數</translation>
    </message>
</context>
<context>
    <name>LeaderModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261" />
        <source>单位</source>
        <translation>單位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261" />
        <source>要求次数</source>
        <translation>要求次數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="261" />
        <source>本人签字的走访</source>
        <translation>本人簽字的走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="262" />
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="262" />
        <source>未经本人签字（不计）</source>
        <translation>未經本人簽字（不計）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="278" />
        <source>单位领导本人登录并对走访记录签字背书后才计入</source>
        <translation>單位領導本人登錄並對走訪記錄簽字背書後才計入</translation>
    </message>
</context>
<context>
    <name>LedgerForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="81" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="90" />
        <source>与“农户”页当前的筛选和搜索相同</source>
        <translation>與“農戶”頁當前的篩選和搜索相同</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="93" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="93" />
        <source>组</source>
        <translation>組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="94" />
        <source>脱贫状态</source>
        <translation>脫貧狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="94" />
        <source>贫困户属性</source>
        <translation>貧困戶屬性</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="95" />
        <source>主要致贫原因</source>
        <translation>主要致貧原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="120" />
        <source>全部村</source>
        <translation>全部村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="121" />
        <source>村台账-{0}</source>
        <translation>村台帳-{0}</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31" />
        <source>资产名称</source>
        <translation>資產名稱</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31" />
        <source>类别</source>
        <translation>類別</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="31" />
        <source>价值（元）</source>
        <translation>價值（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32" />
        <source>产权归属</source>
        <translation>產權歸屬</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32" />
        <source>管护主体</source>
        <translation>管護主體</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="32" />
        <source>累计收益（元）</source>
        <translation>累計收益（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="33" />
        <source>累计分配（元）</source>
        <translation>累計分配（元）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/models.py" line="33" />
        <source>所属项目</source>
        <translation>所屬項目</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="734" />
        <source>关联(&amp;L)</source>
        <translation>關聯(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="742" />
        <source>关联项目</source>
        <translation>關聯項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="750" />
        <source>（不关联项目）</source>
        <translation>（不關聯項目）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="752" />
        <source>只列出本户是受益户的项目；措施的资金渠道须在项目预算中。</source>
        <translation>只列出本戶是受益戶的項目；措施的資金渠道須在項目預算中。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="759" />
        <source>本户还不是任何项目的受益户：先在“项目库”里把它加为受益户</source>
        <translation>本戶還不是任何項目的受益戶：先在“項目庫”裡把它加為受益戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="761" />
        <source>请选择另一个项目（或“不关联项目”）</source>
        <translation>請選擇另一個項目（或“不關聯項目”）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="772" />
        <source>措施的项目已保存</source>
        <translation>措施的項目已保存</translation>
    </message>
</context>
<context>
    <name>ListFormTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="193" />
        <source>确认删除</source>
        <translation>確認刪除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="194" />
        <source>确定删除“{0}”吗？保存后生效。</source>
        <translation>確定刪除“{0}”嗎？保存後生效。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="195" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/list_tab.py" line="195" />
        <source>不删除</source>
        <translation>不刪除</translation>
    </message>
</context>
<context>
    <name>ListPrintActions</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="33" />
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="53" />
        <source>打印门牌…</source>
        <translation>打印門牌…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="35" />
        <source>打印一户一档…</source>
        <translation>打印一戶一檔…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="40" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="52" />
        <source>打印门牌（选中的 {0} 户）…</source>
        <translation>打印門牌（選中的 {0} 戶）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="64" />
        <source>打开</source>
        <translation>打開</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="85" />
        <source>信息公示牌-选中{0}户</source>
        <translation>信息公示牌-選中{0}戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="87" />
        <source>信息公示牌-{0}</source>
        <translation>信息公示牌-{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_actions.py" line="98" />
        <source>一户一档-{0}</source>
        <translation>一戶一檔-{0}</translation>
    </message>
</context>
<context>
    <name>LivingTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="21" />
        <source>土地与住房</source>
        <translation>土地與住房</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="22" />
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="23" />
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="24" />
        <source>亩</source>
        <translation>畝</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="25" />
        <source>平方米</source>
        <translation>平方米</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="27" />
        <source>水电路与燃料</source>
        <translation>水電路與燃料</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="31" />
        <source>公里</source>
        <translation>公里</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/living_tab.py" line="33" />
        <source>易地搬迁</source>
        <translation>易地搬遷</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="198" />
        <source>登录</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="199" />
        <source>驻村帮扶工作台</source>
        <translation>駐村幫扶工作台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="95" />
        <source>工作台</source>
        <extracomment>the unsynced-change count was refreshed (the new count) the one change notification: every write is announced here, every page listens</extracomment>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="97" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="99" />
        <source>走访</source>
        <translation>走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="101" />
        <source>考勤</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="105" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="163" />
        <source>审核</source>
        <translation>審核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="178" />
        <source>汇总上报</source>
        <translation>彙總上報</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="192" />
        <source>资产台账</source>
        <translation>資產台帳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="214" />
        <source>同步</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="252" />
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="253" />
        <source>退出(&amp;X)</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="259" />
        <source>设置(&amp;S)</source>
        <translation>設置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="260" />
        <source>门牌样式…</source>
        <translation>門牌樣式…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="262" />
        <location filename="../../fieldapp/gui/main_window.py" line="312" />
        <source>语言</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="276" />
        <source>帮助(&amp;H)</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="280" />
        <location filename="../../fieldapp/gui/main_window.py" line="328" />
        <source>关于</source>
        <translation>關於</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="308" />
        <source>界面语言已设为“{0}”，重新启动 FieldApp 后生效。</source>
        <translation>界面語言已設為“{0}”，重新啟動 FieldApp 後生效。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="310" />
        <source>界面语言已设为“{0}”，但该语言的翻译文件尚未提供，重新启动后界面仍显示简体中文。</source>
        <translation>界面語言已設為“{0}”，但該語言的翻譯文件尚未提供，重新啟動後界面仍顯示簡體中文。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="318" />
        <source>（尚未创建）</source>
        <translation>（尚未創建）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="320" />
        <source>驻村帮扶工作台 FieldApp {0}</source>
        <translation>駐村幫扶工作台 FieldApp {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="322" />
        <source>数据文件夹：{0}</source>
        <translation>數據文件夾：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="323" />
        <source>数据库：{0}</source>
        <translation>數據庫：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="324" />
        <source>设备编号：{0}</source>
        <translation>設備編號：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="340" />
        <source>包扶干部：{0}</source>
        <translation>包扶幹部：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="342" />
        <source>村：{0}</source>
        <translation>村：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="343" />
        <source>未同步修改 … 条</source>
        <translation>未同步修改 … 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="372" />
        <source>未同步修改 {0} 条</source>
        <translation>未同步修改 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="153" />
        <source>抽查</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="199" />
        <source>目标</source>
        <translation>目標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="170" />
        <source>挂图作战</source>
        <translation>掛圖作戰</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="208" />
        <source>公示与评议</source>
        <translation>公示與評議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/main_window.py" line="185" />
        <source>项目库</source>
        <translation>項目庫</translation>
    </message>
</context>
<context>
    <name>MeasureProjects</name>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="60" />
        <source>关联项目(&amp;J)…</source>
        <extracomment>a measure's project was saved (measure id, project id or None)</extracomment>
        <translation>關聯項目(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="62" />
        <location filename="../../fieldapp/gui/projects/measures.py" line="128" />
        <source>各年度收到的帮扶资金（按资金渠道，已保存的措施）</source>
        <translation>各年度收到的幫扶資金（按資金渠道，已保存的措施）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="109" />
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="109" />
        <source>未注明渠道</source>
        <translation>未註明渠道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="111" />
        <source>合计</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="115" />
        <source>未注明日期</source>
        <translation>未註明日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="126" />
        <source>各年度收到的帮扶资金：还没有填写金额的措施</source>
        <translation>各年度收到的幫扶資金：還沒有填寫金額的措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="152" />
        <source>您的账户没有修改档案的权限</source>
        <translation>您的帳戶沒有修改檔案的權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="154" />
        <source>请先选中一条措施</source>
        <translation>請先選中一條措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="157" />
        <source>新措施保存后才能关联项目</source>
        <translation>新措施保存後才能關聯項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="159" />
        <source>请先保存对这条措施的修改，再关联项目</source>
        <translation>請先保存對這條措施的修改，再關聯項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/measures.py" line="165" />
        <source>说明这条措施属于哪个项目</source>
        <translation>說明這條措施屬於哪個項目</translation>
    </message>
</context>
<context>
    <name>MeasuresTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54" />
        <source>添加措施(&amp;A)</source>
        <translation>添加措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54" />
        <source>编辑措施(&amp;E)</source>
        <translation>編輯措施(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="54" />
        <source>删除措施(&amp;D)</source>
        <translation>刪除措施(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="67" />
        <source>前五项为“五个一批”脱贫路径</source>
        <translation>前五項為“五個一批”脫貧路徑</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="69" />
        <source>新添加的成员保存后才能选择</source>
        <translation>新添加的成員保存後才能選擇</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/measures_tab.py" line="82" />
        <source>（未填内容）</source>
        <translation>（未填內容）</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="46" />
        <source>登记评议会议</source>
        <translation>登記評議會議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="47" />
        <source>登记</source>
        <translation>登記</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="68" />
        <source> 人</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="70" />
        <source>到会代表姓名，以顿号分隔</source>
        <translation>到會代表姓名，以頓號分隔</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="76" />
        <source>赞成</source>
        <translation>贊成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="78" />
        <source>反对</source>
        <translation>反對</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="83" />
        <source>会议纪要：议程、逐户介绍情况、表决方式</source>
        <translation>會議紀要：議程、逐戶介紹情況、表決方式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="87" />
        <source>村(&amp;V)：</source>
        <translation>村(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="88" />
        <source>会议日期(&amp;D)：</source>
        <translation>會議日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="89" />
        <source>到会代表(&amp;N)：</source>
        <translation>到會代表(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="90" />
        <source>代表姓名：</source>
        <translation>代表姓名：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="91" />
        <source>表决：</source>
        <translation>表決：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="92" />
        <source>纪要(&amp;S)：</source>
        <translation>紀要(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="99" />
        <source>空格勾选评议的户；逐户表决的，在“本户赞成”“本户反对”中填写票数（可不填）。</source>
        <translation>空格勾選評議的戶；逐戶表決的，在“本戶贊成”“本戶反對”中填寫票數（可不填）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="116" />
        <source>全选(&amp;A)</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="127" />
        <source>该村处于评议步骤的户 {0} 户，勾选本次会议评议的户：</source>
        <translation>該村處於評議步驟的戶 {0} 戶，勾選本次會議評議的戶：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="128" />
        <source>该村没有处于评议步骤的户（流程到达评议步骤后才能评议）。</source>
        <translation>該村沒有處於評議步驟的戶（流程到達評議步驟後才能評議）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="135" />
        <source>请勾选本次会议评议的户</source>
        <translation>請勾選本次會議評議的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="139" />
        <source>逐户表决须同时填写赞成和反对票数：{0}</source>
        <translation>逐戶表決須同時填寫贊成和反對票數：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/meeting_dialog.py" line="154" />
        <source>已登记评议会议：{0}，评议 {1} 户</source>
        <translation>已登記評議會議：{0}，評議 {1} 戶</translation>
    </message>
</context>
<context>
    <name>MeetingModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33" />
        <source>到会代表</source>
        <translation>到會代表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33" />
        <source>赞成</source>
        <translation>贊成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="33" />
        <source>反对</source>
        <translation>反對</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34" />
        <source>评议的户</source>
        <translation>評議的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34" />
        <source>纪要</source>
        <translation>紀要</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="34" />
        <source>记录人</source>
        <translation>記錄人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="44" />
        <source>{0} 人</source>
        <translation>{0} 人</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37" />
        <source>添加成员(&amp;A)</source>
        <translation>添加成員(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37" />
        <source>编辑成员(&amp;E)</source>
        <translation>編輯成員(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="37" />
        <source>删除成员(&amp;D)</source>
        <translation>刪除成員(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="47" />
        <source>18位居民身份证号码</source>
        <translation>18位居民身份證號碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="51" />
        <source>如 汉族</source>
        <translation>如 漢族</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="59" />
        <source>未填</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="77" />
        <source>（未填姓名）</source>
        <translation>（未填姓名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="104" />
        <source>{0}：{1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="106" />
        <source>{0}的证件号码与已填写的内容不一致：

{1}

按证件号码更正吗？</source>
        <translation>{0}的證件號碼與已填寫的內容不一致：

{1}

按證件號碼更正嗎？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="107" />
        <source>该成员</source>
        <translation>該成員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="109" />
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="110" />
        <source>按证件号码更正</source>
        <translation>按證件號碼更正</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="110" />
        <source>保留已填写的内容</source>
        <translation>保留已填寫的內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/members_tab.py" line="115" />
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="368" />
        <source>元</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="382" />
        <source>请输入金额（元），如 1200.50</source>
        <translation>請輸入金額（元），如 1200.50</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="134" />
        <source>立即同步</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="135" />
        <source>现在与区县服务器交换修改</source>
        <translation>現在與區縣服務器交換修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="137" />
        <source>自动同步</source>
        <translation>自動同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="138" />
        <source>有网络时自动与区县服务器同步</source>
        <translation>有網絡時自動與區縣服務器同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="141" />
        <source>加入区县服务器…</source>
        <translation>加入區縣服務器…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="169" />
        <source>正在与区县服务器同步…</source>
        <translation>正在與區縣服務器同步…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="177" />
        <source>与区县服务器同步未完成：{0}</source>
        <translation>與區縣服務器同步未完成：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="191" />
        <source>已加入区县服务器 {0}（干部：{1}；负责的村：{2}）。服务器指纹 {3}。正在首次同步…</source>
        <translation>已加入區縣服務器 {0}（幹部：{1}；負責的村：{2}）。服務器指紋 {3}。正在首次同步…</translation>
    </message>
</context>
<context>
    <name>NetworkSync</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net.py" line="304" />
        <source>正在打包</source>
        <translation>正在打包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net.py" line="332" />
        <source>正在导入</source>
        <translation>正在導入</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="112" />
        <source>（无照片）</source>
        <translation>（無照片）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="113" />
        <source>选择照片…</source>
        <translation>選擇照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="132" />
        <source>完成日期</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="147" />
        <source>选择照片</source>
        <translation>選擇照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/dialogs.py" line="148" />
        <source>图片 (*.jpg *.jpeg *.png *.heic)</source>
        <translation>圖片 (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
</context>
<context>
    <name>NoticeFields</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="97" />
        <source> 天</source>
        <extracomment>the choices changed</extracomment>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="104" />
        <source>例如：村委会办公室 李主任 13900000000</source>
        <translation>例如：村委會辦公室 李主任 13900000000</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="117" />
        <source>起，共</source>
        <translation>起，共</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="124" />
        <source>流程步骤(&amp;S)</source>
        <translation>流程步驟(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="125" />
        <source>村(&amp;V)</source>
        <translation>村(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="126" />
        <source>公示的户</source>
        <translation>公示的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="127" />
        <source>公示期(&amp;D)</source>
        <translation>公示期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="131" />
        <source>异议受理(&amp;C)</source>
        <translation>異議受理(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="158" />
        <source>该村没有处于这一步骤的户</source>
        <translation>該村沒有處於這一步驟的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="162" />
        <source>{0} 户：{1}</source>
        <translation>{0} 戶：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="169" />
        <source>至 {0}</source>
        <translation>至 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="171" />
        <source>公示期不得少于 {0} 天（workflows.json 的公示最短天数）</source>
        <translation>公示期不得少於 {0} 天（workflows.json 的公示最短天數）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="182" />
        <source>请选择流程步骤和村</source>
        <translation>請選擇流程步驟和村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="184" />
        <source>该村没有处于这一步骤的户，无从公示</source>
        <translation>該村沒有處於這一步驟的戶，無從公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="186" />
        <source>公示期 {0} 天太短：公示期不得少于 {1} 天</source>
        <translation>公示期 {0} 天太短：公示期不得少於 {1} 天</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_fields.py" line="189" />
        <source>请写明异议受理的地点、联系人及电话</source>
        <translation>請寫明異議受理的地點、聯繫人及電話</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="56" />
        <source>已签发的公示 {0}（{1} 至 {2}，{3} 户）已列入处于该步骤的户：生成时重新打印这份公示，不再签发。</source>
        <translation>已簽發的公示 {0}（{1} 至 {2}，{3} 戶）已列入處於該步驟的戶：生成時重新打印這份公示，不再簽發。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="68" />
        <location filename="../../fieldapp/gui/printing/list_forms.py" line="71" />
        <source>公示-{0}</source>
        <translation>公示-{0}</translation>
    </message>
</context>
<context>
    <name>NoticeModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57" />
        <source>流程步骤</source>
        <translation>流程步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="58" />
        <source>公示的户</source>
        <translation>公示的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57" />
        <source>公示期</source>
        <translation>公示期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="57" />
        <source>张贴</source>
        <translation>張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="58" />
        <source>签发人</source>
        <translation>簽發人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="74" />
        <source>未张贴</source>
        <translation>未張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="76" />
        <source>已张贴，{0} 起公示</source>
        <translation>已張貼，{0} 起公示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="78" />
        <source>公示中，{0} 期满</source>
        <translation>公示中，{0} 期滿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="79" />
        <source>公示期已满</source>
        <translation>公示期已滿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="94" />
        <source>{0} 户：</source>
        <translation>{0} 戶：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="95" />
        <source>{0} 至 {1}（{2} 天）</source>
        <translation>{0} 至 {1}（{2} 天）</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="107" />
        <source>登记评议会议…(&amp;M)</source>
        <translation>登記評議會議…(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="109" />
        <source>签发公示…(&amp;I)</source>
        <translation>簽發公示…(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="110" />
        <source>打印(&amp;P)</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="111" />
        <source>记录张贴…(&amp;T)</source>
        <translation>記錄張貼…(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="112" />
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="113" />
        <source>登记异议…(&amp;O)</source>
        <translation>登記異議…(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="114" />
        <source>办理…(&amp;H)</source>
        <translation>辦理…(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="118" />
        <source>评议会议</source>
        <translation>評議會議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="120" />
        <source>公示公告</source>
        <translation>公示公告</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="121" />
        <source>未办结的异议</source>
        <translation>未辦結的異議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="124" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="133" />
        <source>Ctrl+Tab 切换标签；方向键选择，按钮的带下划线字母（Alt+字母）执行。公示步骤须公示已张贴且期满、异议已办结后才能通过。</source>
        <translation>Ctrl+Tab 切換標籤；方向鍵選擇，按鈕的帶下劃線字母（Alt+字母）執行。公示步驟須公示已張貼且期滿、異議已辦結後才能通過。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="151" />
        <source>本账号没有这项权限</source>
        <translation>本帳號沒有這項權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="206" />
        <source>评议会议 {0} 次；公示 {1} 份，其中未张贴 {2} 份、公示中 {3} 份；未办结的异议 {4} 条</source>
        <translation>評議會議 {0} 次；公示 {1} 份，其中未張貼 {2} 份、公示中 {3} 份；未辦結的異議 {4} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="209" />
        <source>未办结的异议（{0}）</source>
        <translation>未辦結的異議（{0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="267" />
        <source>公示-{0}-{1}</source>
        <translation>公示-{0}-{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notices_page.py" line="123" />
        <source>资金公示</source>
        <translation>資金公示</translation>
    </message>
</context>
<context>
    <name>NullableDateEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="303" />
        <source>年-月-日</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="306" />
        <source>选择日期</source>
        <translation>選擇日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="320" />
        <source>日期应为 年-月-日，如 2024-03-05</source>
        <translation>日期應為 年-月-日，如 2024-03-05</translation>
    </message>
</context>
<context>
    <name>NullableSpin</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="479" />
        <source>应在{0}到{1}之间</source>
        <translation>應在{0}到{1}之間</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="54" />
        <source>登记异议</source>
        <translation>登記異議</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="55" />
        <source>登记</source>
        <translation>登記</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="59" />
        <source>{0} 至 {1}，{2} 户（{3}）</source>
        <translation>{0} 至 {1}，{2} 戶（{3}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="67" />
        <source>异议人姓名；匿名反映的写“匿名”</source>
        <translation>異議人姓名；匿名反映的寫“匿名”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="68" />
        <source>异议内容</source>
        <translation>異議內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="73" />
        <source>公示(&amp;N)：</source>
        <translation>公示(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="74" />
        <source>农户(&amp;H)：</source>
        <translation>農戶(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="75" />
        <source>异议人(&amp;F)：</source>
        <translation>異議人(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="76" />
        <source>内容(&amp;C)：</source>
        <translation>內容(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="77" />
        <source>收到日期(&amp;D)：</source>
        <translation>收到日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="79" />
        <source>异议须在公示期内收到；办结前，该户的流程不能通过。</source>
        <translation>異議須在公示期內收到；辦結前，該戶的流程不能通過。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="97" />
        <source>请选择公示中的农户</source>
        <translation>請選擇公示中的農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/objection_dialogs.py" line="101" />
        <source>已登记异议：{0}</source>
        <translation>已登記異議：{0}</translation>
    </message>
</context>
<context>
    <name>ObjectionModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114" />
        <source>收到日期</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114" />
        <source>异议人</source>
        <translation>異議人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="115" />
        <source>内容</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114" />
        <source>步骤</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="114" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="129" />
        <source>未办结</source>
        <translation>未辦結</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="130" />
        <source>异议成立</source>
        <translation>異議成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_models.py" line="130" />
        <source>异议不成立</source>
        <translation>異議不成立</translation>
    </message>
</context>
<context>
    <name>OpDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/op_dialog.py" line="62" />
        <source>取消</source>
        <extracomment>refusals shown in the dialog (the service's message, without the command-line options it suggests)</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="104" />
        <source>登录</source>
        <translation>登入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="110" />
        <source>账号(&amp;N)：</source>
        <translation>帳號(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="111" />
        <source>密码(&amp;P)：</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="155" />
        <source>请填写账号。</source>
        <translation>請填寫帳號。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="183" />
        <source>可以再试了。</source>
        <translation>可以再試了。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="185" />
        <source>尝试次数过多，请 {0} 秒后再试。</source>
        <translation>嘗試次數過多，請 {0} 秒後再試。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="116" />
        <source>忘记密码？</source>
        <translation>忘記密碼？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="135" />
        <source>请本机的队长或管理员登录后在“账号管理”中为您重设密码。如果本机没有人能登录，只能重新加入区县服务器，从区县重新接收所负责的村：本机尚未同步的修改将全部丢失，无法找回。</source>
        <translation>請本機的隊長或管理員登入後在「帳號管理」中為您重設密碼。如果本機沒有人能登入，只能重新加入區縣伺服器，從區縣重新接收所負責的村：本機尚未同步的修改將全部遺失，無法找回。</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="156" />
        <source>登录密码</source>
        <translation>登入密碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="157" />
        <source>以后用姓名和这个密码登录。这个账号是本机的队长和管理员，可以为队员添加账号。密码不会保存，忘记后只能由本机的队长或管理员重设。</source>
        <translation>以後用姓名和這個密碼登入。這個帳號是本機的隊長和管理員，可以為隊員新增帳號。密碼不會儲存，忘記後只能由本機的隊長或管理員重設。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="165" />
        <source>密码</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="166" />
        <source>再输一遍</source>
        <translation>再輸一遍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="171" />
        <source>请设置登录密码</source>
        <translation>請設定登入密碼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="173" />
        <source>两次输入的密码不一致</source>
        <translation>兩次輸入的密碼不一致</translation>
    </message>
</context>
<context>
    <name>PeerModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85" />
        <source>同步对象</source>
        <translation>同步對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85" />
        <source>范围</source>
        <translation>範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85" />
        <source>待发送</source>
        <translation>待發送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="85" />
        <source>上次导出</source>
        <translation>上次導出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="86" />
        <source>上次导入</source>
        <translation>上次導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="91" />
        <source>全区县</source>
        <translation>全區縣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="94" />
        <source>（默认）</source>
        <translation>（默認）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="95" />
        <source>{0} 条</source>
        <translation>{0} 條</translation>
    </message>
</context>
<context>
    <name>PersonTraceForm</name>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="78" />
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="81" />
        <source>人员</source>
        <translation>人員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="82" />
        <source>期间</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="87" />
        <source>请选择人员</source>
        <translation>請選擇人員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="90" />
        <source>结束日期早于开始日期</source>
        <translation>結束日期早於開始日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="91" />
        <source>个人填报与核查情况-{0}-{1}至{2}</source>
        <translation>個人填報與核查情況-{0}-{1}至{2}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="77" />
        <source>添加照片…</source>
        <extracomment>an import started (True) or ended (False) an import ended: (photos added, error messages)</extracomment>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="78" />
        <source>从相机文件夹导入…</source>
        <translation>從相機文件夾導入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="79" />
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="80" />
        <source>停止导入</source>
        <translation>停止導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="141" />
        <source>，拍摄于 {0}</source>
        <translation>，拍攝於 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="142" />
        <source>{0}×{1} 像素，{2} KB{3}</source>
        <translation>{0}×{1} 像素，{2} KB{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="176" />
        <source>添加照片</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="177" />
        <source>图片 ({0});;所有文件 (*)</source>
        <translation>圖片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="182" />
        <source>选择相机文件夹（如 DCIM）</source>
        <translation>選擇相機文件夾（如 DCIM）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="191" />
        <source>无法读取文件夹“{0}”：{1}</source>
        <translation>無法讀取文件夾“{0}”：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="194" />
        <source>文件夹“{0}”中没有图片</source>
        <translation>文件夾“{0}”中沒有圖片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="238" />
        <source>正在导入 {0}/{1} {2}</source>
        <translation>正在導入 {0}/{1} {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="239" />
        <source>导入完成</source>
        <translation>導入完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="256" />
        <source>导入照片失败：{0}</source>
        <translation>導入照片失敗：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="275" />
        <source>以下 {0} 个文件未导入：</source>
        <translation>以下 {0} 個文件未導入：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="282" />
        <source>{0} 张照片</source>
        <translation>{0} 張照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/photos.py" line="282" />
        <source>没有照片</source>
        <translation>沒有照片</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="231" />
        <source>附件：{0}</source>
        <translation>附件：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="235" />
        <source>正在打开…</source>
        <translation>正在打開…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="241" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="257" />
        <source>照片文件不在本机（尚未同步），同步后可查看。</source>
        <translation>照片文件不在本機（尚未同步），同步後可查看。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/attachments.py" line="264" />
        <source>照片无法打开：{0}</source>
        <translation>照片無法打開：{0}</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>户编号</source>
        <translation>戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>人数</source>
        <translation>人數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="28" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31" />
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31" />
        <source>更新</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="31" />
        <source>无变化</source>
        <translation>無變化</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/models.py" line="32" />
        <source>拒绝</source>
        <translation>拒絕</translation>
    </message>
</context>
<context>
    <name>PlateSettingsDialog</name>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="117" />
        <source>门牌样式</source>
        <extracomment>the preview images were replaced</extracomment>
        <translation>門牌樣式</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124" />
        <source>A4 横向</source>
        <translation>A4 橫向</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124" />
        <source>A3 横向</source>
        <translation>A3 橫向</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="124" />
        <source>A4 一纸两张（A5 大小）</source>
        <translation>A4 一紙兩張（A5 大小）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="135" />
        <source>兜底户颜色…</source>
        <translation>兜底戶顏色…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="135" />
        <source>脱贫户颜色…</source>
        <translation>脫貧戶顏色…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="149" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="151" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="152" />
        <source>恢复默认</source>
        <translation>恢復默認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="170" />
        <source>所在村组</source>
        <translation>所在村組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="170" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="171" />
        <source>家庭人口和户属性</source>
        <translation>家庭人口和戶屬性</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="171" />
        <source>致贫原因</source>
        <translation>致貧原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="172" />
        <source>帮扶措施（五个一批）</source>
        <translation>幫扶措施（五個一批）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="172" />
        <source>包扶责任人、单位和电话</source>
        <translation>包扶責任人、單位和電話</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="173" />
        <source>脱贫状态和年度</source>
        <translation>脫貧狀態和年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="173" />
        <source>二维码（扫码或输入编码打开档案）</source>
        <translation>二維碼（掃碼或輸入編碼打開檔案）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="177" />
        <source>纸张</source>
        <translation>紙張</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="178" />
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="182" />
        <source>显示项</source>
        <translation>顯示項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="187" />
        <source>颜色</source>
        <translation>顏色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="189" />
        <source>兜底户的色带另加斜纹，两类户在黑白打印时也能区分。</source>
        <translation>兜底戶的色帶另加斜紋，兩類戶在黑白打印時也能區分。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="197" />
        <source>预览（示例户）</source>
        <translation>預覽（示例戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="249" />
        <source>兜底户颜色</source>
        <translation>兜底戶顏色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="249" />
        <source>脱贫户颜色</source>
        <translation>脫貧戶顏色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="259" />
        <source>请至少选择一个显示项。</source>
        <translation>請至少選擇一個顯示項。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="262" />
        <source>两种颜色很接近，彩色打印时不易区分（斜纹和标签仍可区分）。</source>
        <translation>兩種顏色很接近，彩色打印時不易區分（斜紋和標籤仍可區分）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/plate_settings.py" line="318" />
        <source>已保存门牌样式</source>
        <translation>已儲存門牌樣式</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="82" />
        <source>记录张贴</source>
        <translation>記錄張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="83" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="88" />
        <source>公示 {0}：{1} 户，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日；晚于开始日张贴的，公示期不足，须重新签发。</source>
        <translation>公示 {0}：{1} 戶，公示期 {2} 至 {3}（{4} 天）。張貼日期不能晚於公示開始日；晚於開始日張貼的，公示期不足，須重新簽發。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="94" />
        <source>张贴日期(&amp;D)：</source>
        <translation>張貼日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/notice_dialogs.py" line="103" />
        <source>已记录张贴：{0}</source>
        <translation>已記錄張貼：{0}</translation>
    </message>
</context>
<context>
    <name>PostDisclosureDialog</name>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="137" />
        <source>记录张贴</source>
        <translation>記錄張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="138" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="140" />
        <source>{0}：{1}，公示期 {2} 至 {3}（{4} 天）。张贴日期不能晚于公示开始日。</source>
        <translation>{0}：{1}，公示期 {2} 至 {3}（{4} 天）。張貼日期不能晚於公示開始日。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="145" />
        <source>张贴日期(&amp;D)：</source>
        <translation>張貼日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/disclosure/dialogs.py" line="154" />
        <source>已记录张贴：{0}</source>
        <translation>已記錄張貼：{0}</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="94" />
        <source>打印预览 — {0}</source>
        <extracomment>the page shown changed (1-based) a print run completed (pages printed) a print run was cancelled (a file printer is left with no file) pages printed so far, of how many</extracomment>
        <translation>打印預覽 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="112" />
        <source>上一页</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="115" />
        <source>下一页</source>
        <translation>下一頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="119" />
        <source>第 </source>
        <translation>第 </translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="120" />
        <source> 页</source>
        <translation> 頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="123" />
        <source>共 {0} 页</source>
        <translation>共 {0} 頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="129" />
        <source>另存为…</source>
        <translation>另存為…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="131" />
        <source>打印…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="135" />
        <source>本机没有安装打印机</source>
        <translation>本機沒有安裝打印機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="136" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="153" />
        <source>缩放</source>
        <translation>縮放</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="166" />
        <source>适合宽度</source>
        <translation>適合寬度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="166" />
        <source>整页</source>
        <translation>整頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="261" />
        <source>另存为</source>
        <translation>另存為</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="261" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="281" />
        <location filename="../../fieldapp/gui/printing/preview.py" line="291" />
        <location filename="../../fieldapp/gui/printing/preview.py" line="312" />
        <location filename="../../fieldapp/gui/printing/preview.py" line="333" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="282" />
        <source>本机没有安装打印机。

可以先点“另存为…”把 PDF 保存到U盘，再到连接了打印机的电脑上打印；或请管理员在系统设置中添加打印机。</source>
        <translation>本機沒有安裝打印機。

可以先點“另存為…”把 PDF 保存到U盤，再到連接了打印機的電腦上打印；或請管理員在系統設置中添加打印機。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="311" />
        <source>正在打印…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="311" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/preview.py" line="328" />
        <source>正在打印第 {0} 页，共 {1} 页</source>
        <translation>正在打印第 {0} 頁，共 {1} 頁</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="108" />
        <location filename="../../fieldapp/gui/printing/jobs.py" line="226" />
        <source>没有符合条件的农户</source>
        <extracomment>characters no bundled font has, printed as “〓” (the user is told: :func:`warn_missing_glyphs`)</extracomment>
        <translation>沒有符合條件的農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="125" />
        <source>{0} 张公示牌，{1} 页</source>
        <translation>{0} 張公示牌，{1} 頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="127" />
        <source>；{0} 户未打印：{1}</source>
        <translation>；{0} 戶未列印：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="227" />
        <source>{0} 户</source>
        <translation>{0} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="352" />
        <source>有 {0} 个字符没有可用的字体，已在 PDF 中以“〓”标出，打印后请手写补正：{1}</source>
        <translation>有 {0} 個字元沒有可用的字型，已在 PDF 中以「〓」標出，列印後請手寫補正：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="361" />
        <source>有字符无法打印</source>
        <translation>有字元無法列印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="383" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="384" />
        <source>正在生成“{0}”…</source>
        <translation>正在生成“{0}”…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="385" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/jobs.py" line="211" />
        <source>{0} 户，{1} 至 {2}</source>
        <translation>{0} 戶，{1} 至 {2}</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="107" />
        <source>生成并预览</source>
        <extracomment>progress of the running job (done, total); (0, 0) while it cannot count a job finished (its :class:`PrintResult`), just before the preview opens a job was cancelled (its file is gone)</extracomment>
        <translation>生成並預覽</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="112" />
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="113" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="122" />
        <source>门牌（信息公示牌）</source>
        <translation>門牌（信息公示牌）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="123" />
        <source>每户门上的信息公示牌，兜底户与脱贫户以颜色和斜纹区分，黑白打印也能分辨。样式（纸张、标题、显示项、颜色）在“门牌样式…”中按区县统一设置。</source>
        <translation>每戶門上的信息公示牌，兜底戶與脫貧戶以顏色和斜紋區分，黑白打印也能分辨。樣式（紙張、標題、顯示項、顏色）在“門牌樣式…”中按區縣統一設置。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="125" />
        <source>一户一档</source>
        <translation>一戶一檔</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="126" />
        <source>一户的完整档案：成员、收入、两不愁三保障、帮扶措施（含户主签名栏）、走访记录和变更记录。</source>
        <translation>一戶的完整檔案：成員、收入、兩不愁三保障、幫扶措施（含戶主簽名欄）、走訪記錄和變更記錄。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="128" />
        <source>包扶纪实档案</source>
        <translation>包扶紀實檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="129" />
        <source>一位包扶干部一个月或一年的走访记录（按日期）、在村天数和签字栏。</source>
        <translation>一位包扶幹部一個月或一年的走訪記錄（按日期）、在村天數和簽字欄。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="130" />
        <source>公示名单</source>
        <translation>公示名單</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="133" />
        <source>村台账</source>
        <translation>村台帳</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="134" />
        <source>每户一行的台账，可按村、组、状态等筛选，末行合计。</source>
        <translation>每戶一行的台帳，可按村、組、狀態等篩選，末行合計。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="135" />
        <source>责任倒查表</source>
        <translation>責任倒查表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="136" />
        <source>谁识别谁负责、谁填报谁负责：一户由谁建档，每一项现值由谁在何时填报；也可只查一项的每一次填报。</source>
        <translation>誰識別誰負責、誰填報誰負責：一戶由誰建檔，每一項現值由誰在何時填報；也可只查一項的每一次填報。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="138" />
        <source>个人填报与核查情况</source>
        <translation>個人填報與核查情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="139" />
        <source>一个人在一段时间内填报的全部内容。</source>
        <translation>一個人在一段時間內填報的全部內容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="245" />
        <source>正在生成“{0}”…</source>
        <translation>正在生成“{0}”…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="269" />
        <source>共 {0} 页</source>
        <translation>共 {0} 頁</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="270" />
        <source>已生成“{0}”，{1}。</source>
        <translation>已生成“{0}”，{1}。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="281" />
        <source>未能生成。</source>
        <translation>未能生成。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="286" />
        <source>已取消，未生成文件。</source>
        <translation>已取消，未生成文件。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="131" />
        <source>由流程的公示或公告步骤生成：列出该村处于这一步骤的户，证件号码已去标识化，签发人签字并印验证二维码。已签发的公示再次生成时重新打印同一份。</source>
        <translation>由流程的公示或公告步驟生成：列出該村處於這一步驟的戶，證件號碼已去標識化，簽發人簽字並印驗證二維碼。已簽發的公示再次生成時重新打印同一份。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/printing/print_page.py" line="234" />
        <source>已签发公示：{0} 户，{1} 至 {2}</source>
        <translation>已簽發公示：{0} 戶，{1} 至 {2}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="534" />
        <source>报进度 — {0}</source>
        <translation>報進度 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="537" />
        <source>日期：</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="539" />
        <source>完成进度：</source>
        <translation>完成進度：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="543" />
        <source>进展说明：</source>
        <translation>進展說明：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="546" />
        <source>添加照片(&amp;P)…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="547" />
        <source>移除照片</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="559" />
        <source>照片：</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="575" />
        <source>选择现场照片</source>
        <translation>選擇現場照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="576" />
        <source>照片 (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="586" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="589" />
        <source>请填写进度日期</source>
        <translation>請填寫進度日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="593" />
        <source>照片文件不存在：{0}</source>
        <translation>照片文件不存在：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="602" />
        <source>进度已记录</source>
        <translation>進度已記錄</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="34" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="98" />
        <source>概况与预算</source>
        <translation>概況與預算</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="99" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="100" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="107" />
        <source>受益户</source>
        <extracomment>the total, and room for the page's buttons acting on the selected household</extracomment>
        <translation>受益戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108" />
        <location filename="../../fieldapp/gui/projects/detail.py" line="117" />
        <source>进度</source>
        <translation>進度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108" />
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="108" />
        <source>记录人</source>
        <translation>記錄人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="109" />
        <source>进展说明</source>
        <translation>進展說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="118" />
        <source>拨付日期</source>
        <translation>撥付日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="118" />
        <source>金额(元)</source>
        <translation>金額(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120" />
        <source>拨付对象</source>
        <translation>撥付對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120" />
        <source>凭证号</source>
        <translation>憑證號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="120" />
        <source>经办人</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="122" />
        <source>资金拨付</source>
        <translation>資金撥付</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123" />
        <source>验收日期</source>
        <translation>驗收日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123" />
        <source>结论</source>
        <translation>結論</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123" />
        <source>参加人员</source>
        <translation>參加人員</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="123" />
        <source>验收意见</source>
        <translation>驗收意見</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="124" />
        <source>签字</source>
        <translation>簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="125" />
        <source>验收</source>
        <translation>驗收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="132" />
        <source>村/乡镇</source>
        <translation>村/鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="133" />
        <source>计划工期</source>
        <translation>計劃工期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="134" />
        <source>实际工期</source>
        <translation>實際工期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="141" />
        <source>已拨付(元)</source>
        <translation>已撥付(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="141" />
        <source>余额(元)</source>
        <translation>餘額(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="183" />
        <source>{0} 至 {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="187" />
        <source>{0} 元（{1}）</source>
        <translation>{0} 元（{1}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="189" />
        <source>未批复</source>
        <translation>未批覆</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="202" />
        <source>合计</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="208" />
        <source>{0} 户，计划金额合计 {1} 元</source>
        <translation>{0} 戶，計劃金額合計 {1} 元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="217" />
        <source>累计拨付 {0} 元，批复 {1} 元</source>
        <translation>累計撥付 {0} 元，批覆 {1} 元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="219" />
        <source>合格</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="219" />
        <source>不合格</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="225" />
        <source>未签字</source>
        <translation>未簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="228" />
        <source>已签字：{0}（验证码 {1}）</source>
        <translation>已簽字：{0}（驗證碼 {1}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="230" />
        <source>签字后已修改（{0}）</source>
        <translation>簽字後已修改（{0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/detail.py" line="231" />
        <source>签名无效（{0}）</source>
        <translation>簽名無效（{0}）</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="93" />
        <source>取消</source>
        <extracomment>refusals listed in the dialog (anything else goes to the operation's error box)</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="118" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="134" />
        <source>项目已保存</source>
        <translation>項目已保存</translation>
    </message>
</context>
<context>
    <name>ProjectImportDialog</name>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="106" />
        <source>导入项目库</source>
        <extracomment>the import was written (the ids of the projects created or changed) a dry run is ready (its :class:`ImportPlan`)</extracomment>
        <translation>導入項目庫</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="110" />
        <source>按村和项目名称与本机已有的项目对应（同名时再按计划开工年份）：再次导入不会重复登记，改动的内容会更新。有任何错误的项目整个不导入，其余的一次写入。先预览，确认后才写入。</source>
        <translation>按村和項目名稱與本機已有的項目對應（同名時再按計劃開工年份）：再次導入不會重複登記，改動的內容會更新。有任何錯誤的項目整個不導入，其餘的一次寫入。先預覽，確認後才寫入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="120" />
        <source>保存被拒绝的行…</source>
        <translation>保存被拒絕的行…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="122" />
        <source>导入</source>
        <translation>導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="132" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="150" />
        <source>项目库工作簿（.xlsx，可另有“受益户”表）或 .csv</source>
        <translation>項目庫工作簿（.xlsx，可另有“受益戶”表）或 .csv</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="151" />
        <source>浏览…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="153" />
        <source>生成模板…</source>
        <translation>生成模板…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="155" />
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="159" />
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="182" />
        <source>选择项目库文件</source>
        <translation>選擇項目庫文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="183" />
        <source>电子表格 (*.xlsx *.csv)</source>
        <translation>電子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="192" />
        <source>保存导入模板</source>
        <translation>保存導入模板</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="192" />
        <source>项目库导入模板.xlsx</source>
        <translation>項目庫導入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="193" />
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="254" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="200" />
        <source>已生成模板：{0}</source>
        <translation>已生成模板：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="202" />
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="268" />
        <source>正在保存…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="221" />
        <source>已取消，没有写入任何内容</source>
        <translation>已取消，沒有寫入任何內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="227" />
        <source>请先选择文件</source>
        <translation>請先選擇文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="231" />
        <source>正在核对…</source>
        <translation>正在核對…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="236" />
        <source>新增 {0} 个项目，更新 {1} 个，无变化 {2} 个，拒绝 {3} 个</source>
        <translation>新增 {0} 個項目，更新 {1} 個，無變化 {2} 個，拒絕 {3} 個</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="245" />
        <source>这是预览，尚未写入。确认无误后点“导入”。</source>
        <translation>這是預覽，尚未寫入。確認無誤後點“導入”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="246" />
        <source>没有需要写入的内容。</source>
        <translation>沒有需要寫入的內容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="252" />
        <source>的被拒绝行.xlsx</source>
        <translation>的被拒絕行.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="253" />
        <source>保存被拒绝的行</source>
        <translation>保存被拒絕的行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="267" />
        <source>已保存 {1} 行到 {0}；改正后可再次导入</source>
        <translation>已保存 {1} 行到 {0}；改正後可再次導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="276" />
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="288" />
        <source>已导入：新增 {0} 个项目，更新 {1} 个</source>
        <translation>已導入：新增 {0} 個項目，更新 {1} 個</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="277" />
        <source>正在导入…</source>
        <translation>正在導入…</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="116" />
        <source>村/乡镇</source>
        <translation>村/鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118" />
        <source>预算(元)</source>
        <translation>預算(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118" />
        <source>批复(元)</source>
        <translation>批覆(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118" />
        <source>已拨付(元)</source>
        <translation>已撥付(元)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/models.py" line="118" />
        <source>进度</source>
        <translation>進度</translation>
    </message>
</context>
<context>
    <name>ProjectPlanModel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54" />
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54" />
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="54" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57" />
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57" />
        <source>更新</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="57" />
        <source>无变化</source>
        <translation>無變化</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/projects_dialog.py" line="58" />
        <source>拒绝</source>
        <translation>拒絕</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="97" />
        <source>全部状态</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="100" />
        <source>全部类型</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="105" />
        <source>村/乡镇(&amp;V)：</source>
        <translation>村/鄉鎮(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="105" />
        <source>状态(&amp;Z)：</source>
        <translation>狀態(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="106" />
        <source>类型(&amp;L)：</source>
        <translation>類型(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="120" />
        <source>全部村和乡镇</source>
        <translation>全部村和鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="122" />
        <source>{0}（乡镇）</source>
        <translation>{0}（鄉鎮）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="144" />
        <source>新建项目(&amp;N)…</source>
        <translation>新建項目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="145" />
        <source>编辑(&amp;E)…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="146" />
        <source>预算(&amp;B)…</source>
        <translation>預算(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="147" />
        <source>添加受益户(&amp;R)…</source>
        <translation>添加受益戶(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="148" />
        <location filename="../../fieldapp/gui/projects/page.py" line="325" />
        <source>移除受益户</source>
        <translation>移除受益戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="149" />
        <source>批复(&amp;A)…</source>
        <translation>批覆(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="150" />
        <source>状态(&amp;T)…</source>
        <translation>狀態(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="151" />
        <source>报进度(&amp;P)…</source>
        <translation>報進度(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="152" />
        <source>拨付(&amp;O)…</source>
        <translation>撥付(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="153" />
        <source>验收(&amp;Y)…</source>
        <translation>驗收(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="193" />
        <source>共 {0} 个项目</source>
        <translation>共 {0} 個項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="267" />
        <source>您的账户没有这项权限</source>
        <translation>您的帳戶沒有這項權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="322" />
        <source>请先在“受益户”中选中要移除的户</source>
        <translation>請先在“受益戶”中選中要移除的戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="325" />
        <source>把 {0} 从项目“{1}”的受益户中移除？</source>
        <translation>把 {0} 從項目“{1}”的受益戶中移除？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="327" />
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="328" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/page.py" line="335" />
        <source>受益户已移除</source>
        <translation>受益戶已移除</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162" />
        <source>农户</source>
        <translation>農戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162" />
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162" />
        <source>修改内容</source>
        <translation>修改內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="162" />
        <source>来自</source>
        <translation>來自</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="163" />
        <source>收到时间</source>
        <translation>收到時間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/models.py" line="177" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74" />
        <source>户编号</source>
        <translation>戶編號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74" />
        <source>户主</source>
        <translation>戶主</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74" />
        <source>流程</source>
        <translation>流程</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="74" />
        <source>待决定步骤</source>
        <translation>待決定步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75" />
        <source>决定人</source>
        <translation>決定人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75" />
        <source>到达本步骤</source>
        <translation>到達本步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75" />
        <source>可决定日期</source>
        <translation>可決定日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="75" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="90" />
        <source>有冲突的决定，待处理</source>
        <translation>有衝突的決定，待處理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="93" />
        <source>可决定</source>
        <translation>可決定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="93" />
        <source>公示期未满</source>
        <translation>公示期未滿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="96" />
        <source>公示未签发</source>
        <translation>公示未簽發</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="96" />
        <source>公示未张贴</source>
        <translation>公示未張貼</translation>
    </message>
</context>
<context>
    <name>RectificationModel</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106" />
        <source>期限</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106" />
        <source>户</source>
        <translation>戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="106" />
        <source>问题</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="107" />
        <source>责任人</source>
        <translation>責任人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="107" />
        <source>整改情况</source>
        <translation>整改情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110" />
        <source>待整改</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110" />
        <source>待确认</source>
        <translation>待確認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="110" />
        <source>已确认</source>
        <translation>已確認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/models.py" line="111" />
        <source>（已逾期）</source>
        <translation>（已逾期）</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="66" />
        <source>汇总上报 {0}</source>
        <translation>彙總上報 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="85" />
        <source>汇总情况 {0}</source>
        <translation>彙總情況 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="136" />
        <source>周汇总</source>
        <translation>週彙總</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="137" />
        <source>月更新</source>
        <translation>月更新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="142" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="144" />
        <source>类别(&amp;K)</source>
        <translation>類別(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="144" />
        <source>期间(&amp;P)</source>
        <translation>期間(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="145" />
        <source>村(&amp;V)</source>
        <translation>村(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="164" />
        <source>本期工作情况、存在问题和下步打算（队长撰写）</source>
        <translation>本期工作情況、存在問題和下步打算（隊長撰寫）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="166" />
        <source>保存草稿(&amp;S)</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="167" />
        <location filename="../../fieldapp/gui/report/page.py" line="297" />
        <source>签字上报(&amp;G)</source>
        <translation>簽字上報(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="168" />
        <source>打印(&amp;R)…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="176" />
        <source>驻村干部在村天数</source>
        <translation>駐村幹部在村天數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="178" />
        <source>情况说明(&amp;N)</source>
        <translation>情況說明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="187" />
        <source>本村汇总</source>
        <translation>本村彙總</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="198" />
        <source>打印汇总情况(&amp;T)…</source>
        <translation>打印彙總情況(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="207" />
        <source>各村上报情况</source>
        <translation>各村上報情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="270" />
        <source>{0}：{1}/{2} 村已签字上报，未上报 {3}，未签字 {4}，迟报 {5}；走访 {6} 户次，措施 {7} 项，退出 {8} 户，未解决问题 {9} 项</source>
        <translation>{0}：{1}/{2} 村已簽字上報，未上報 {3}，未簽字 {4}，遲報 {5}；走訪 {6} 戶次，措施 {7} 項，退出 {8} 戶，未解決問題 {9} 項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="274" />
        <source>上报期限 {0}</source>
        <translation>上報期限 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="280" />
        <source>尚未生成：下表为当前登记数据。保存草稿或签字上报（上报期限 {0}）。</source>
        <translation>尚未生成：下表為當前登記數據。保存草稿或簽字上報（上報期限 {0}）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="282" />
        <source>已签字上报：{0}，{1}，验证码 {2}（上报期限 {3}）。</source>
        <translation>已簽字上報：{0}，{1}，驗證碼 {2}（上報期限 {3}）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="284" />
        <source>迟报。</source>
        <translation>遲報。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="286" />
        <source>签字后被改动：须重新签字上报。</source>
        <translation>簽字後被改動：須重新簽字上報。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="288" />
        <source>签名无法核验：请重新签字上报。</source>
        <translation>簽名無法核驗：請重新簽字上報。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="289" />
        <source>草稿，尚未签字上报（上报期限 {0}）。</source>
        <translation>草稿，尚未簽字上報（上報期限 {0}）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="297" />
        <source>重新签字上报(&amp;G)</source>
        <translation>重新簽字上報(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="312" />
        <source>已签字上报：{0}</source>
        <translation>已簽字上報：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/page.py" line="312" />
        <source>已保存草稿：{0}</source>
        <translation>已保存草稿：{0}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="206" />
        <source>重置密码：{0}</source>
        <translation>重設密碼：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="208" />
        <source>为“{0}”设置新密码，并当面告诉本人。本人登录后可自行修改。</source>
        <translation>為「{0}」設定新密碼，並當面告訴本人。本人登入後可自行修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="214" />
        <source>新密码(&amp;N)：</source>
        <translation>新密碼(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="215" />
        <source>再输一遍(&amp;A)：</source>
        <translation>再輸一遍(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="218" />
        <source>重置</source>
        <translation>重設</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/accounts_page.py" line="219" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ResponsibilityTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="29" />
        <source>包扶责任人</source>
        <translation>包扶責任人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="33" />
        <source>派出单位</source>
        <translation>派出單位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="34" />
        <source>联系电话</source>
        <translation>聯繫電話</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="35" />
        <source>脱贫计划</source>
        <translation>脫貧計劃</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/responsibility_tab.py" line="36" />
        <source>未填</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="83" />
        <source>查看流程(&amp;O)</source>
        <translation>查看流程(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="84" />
        <source>通过… (P)</source>
        <translation>通過… (P)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="85" />
        <source>不通过… (F)</source>
        <translation>不通過… (F)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="86" />
        <source>退回… (R)</source>
        <translation>退回… (R)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="90" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="150" />
        <source>等待本人决定的农户 {0} 户，其中可决定 {1} 户</source>
        <translation>等待本人決定的農戶 {0} 戶，其中可決定 {1} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="152" />
        <source>，有冲突的决定 {0} 户（红色，须处理冲突）</source>
        <translation>，有衝突的決定 {0} 戶（紅色，須處理衝突）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="154" />
        <source>没有等待本人决定的农户。</source>
        <translation>沒有等待本人決定的農戶。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="189" />
        <source>一并决定的农户须处于同一流程的同一步骤；请只选择同一步骤的农户。</source>
        <translation>一併決定的農戶須處於同一流程的同一步驟；請只選擇同一步驟的農戶。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="191" />
        <source>有冲突的决定须逐户处理：请单独选择该户。</source>
        <translation>有衝突的決定須逐戶處理：請單獨選擇該戶。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="87" />
        <source>批量决定… (B)</source>
        <translation>批量決定… (B)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="89" />
        <source>所选各户同一步骤一并决定：一个理由、一个签字，全部决定或全部不决定</source>
        <translation>所選各戶同一步驟一併決定：一個理由、一個簽字，全部決定或全部不決定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="97" />
        <source>Enter 查看流程；P 通过、F 不通过、R 退回所选农户；Shift+方向键多选、Ctrl+方向键移动、Ctrl+空格加选、Ctrl+A 全选，B 批量决定（一个签字）。</source>
        <translation>Enter 查看流程；P 通過、F 不通過、R 退回所選農戶；Shift+方向鍵多選、Ctrl+方向鍵移動、Ctrl+空格加選、Ctrl+A 全選，B 批量決定（一個簽字）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="193" />
        <source>“{0}”须逐户附上该户签字的确认书：请逐户决定。</source>
        <translation>“{0}”須逐戶附上該戶簽字的確認書：請逐戶決定。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/page.py" line="199" />
        <source>批量决定须选择两户以上（Shift+方向键或 Ctrl+A）。</source>
        <translation>批量決定須選擇兩戶以上（Shift+方向鍵或 Ctrl+A）。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="221" />
        <source>首次使用设置</source>
        <translation>首次使用設置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="224" />
        <source>下一步 &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="225" />
        <source>&lt; 上一步</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="226" />
        <source>完成</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="227" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="152" />
        <source>账号：{0}</source>
        <extracomment>the permission that shows 账号管理 the permission that shows 自动锁定 (a laptop setting) ctx, session, "lock" / "unlock" / "unlock_failed" / "logout" (switching account) a main window was shown for a person (the window) loads the main window's modules while the person types (started once the login is on screen)</extracomment>
        <translation>帳號：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="173" />
        <source>账号</source>
        <translation>帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="205" />
        <source>密码已修改</source>
        <translation>密碼已修改</translation>
    </message>
</context>
<context>
    <name>SignoffBar</name>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="58" />
        <source>查看修改…</source>
        <translation>查看修改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="60" />
        <source>签字背书(&amp;G)…</source>
        <translation>簽字背書(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="62" />
        <source>以本人签名密钥确认本记录当前内容（队长、村两委）</source>
        <translation>以本人簽名金鑰確認本記錄當前內容（隊長、村兩委）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="91" />
        <source>未签字背书</source>
        <translation>未簽字背書</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="93" />
        <source>已签字：{0}（{1}）于 {2}，验证码 {3}</source>
        <translation>已簽字：{0}（{1}）於 {2}，驗證碼 {3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="97" />
        <source>签字后已修改 {0} 处（{1}（{2}）于 {3} 签字），需要重新签字</source>
        <translation>簽字後已修改 {0} 處（{1}（{2}）於 {3} 簽字），需要重新簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="101" />
        <source>签名无效：{0}</source>
        <translation>簽名無效：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="126" />
        <source>本户档案</source>
        <translation>本戶檔案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="126" />
        <source>本条走访记录</source>
        <translation>本條走訪記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="127" />
        <source>签字背书</source>
        <translation>簽字背書</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="128" />
        <source>以本人签名确认{0}当前保存的内容？签字后如再修改，将显示“签字后已修改”。</source>
        <translation>以本人簽名確認{0}當前保存的內容？簽字後如再修改，將顯示“簽字後已修改”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="129" />
        <source>签字</source>
        <translation>簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="130" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="163" />
        <source>已签字背书，验证码 {0}</source>
        <translation>已簽字背書，驗證碼 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/bar.py" line="166" />
        <source>未签字：{0}</source>
        <translation>未簽字：{0}</translation>
    </message>
</context>
<context>
    <name>SignoffDiffDialog</name>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="30" />
        <source>签字后已修改</source>
        <translation>簽字後已修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="35" />
        <source>{0}（{1}）于 {2} 签字背书，验证码 {3}。此后有 {4} 处修改，需要重新签字：</source>
        <translation>{0}（{1}）於 {2} 簽字背書，驗證碼 {3}。此後有 {4} 處修改，需要重新簽字：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38" />
        <source>签字时</source>
        <translation>簽字時</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="38" />
        <source>现在</source>
        <translation>現在</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="40" />
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="41" />
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/signoff/diff_dialog.py" line="52" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>SpotcheckPage</name>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="84" />
        <source>核查</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="85" />
        <source>整改</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="92" />
        <source>新抽样…</source>
        <translation>新抽樣…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="93" />
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="354" />
        <source>复核抽样</source>
        <translation>複核抽樣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="94" />
        <source>打印核查表…</source>
        <translation>打印核查表…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="95" />
        <source>打印汇总…</source>
        <translation>打印彙總…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="116" />
        <source>正确 (Y)</source>
        <translation>正確 (Y)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="117" />
        <source>不正确… (N)</source>
        <translation>不正確… (N)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="118" />
        <source>清除 (Del)</source>
        <translation>清除 (Del)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="148" />
        <source>确认整改</source>
        <translation>確認整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="149" />
        <source>退回…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="208" />
        <source>还没有抽样。点“新抽样…”按比例随机抽取农户。</source>
        <translation>還沒有抽樣。點“新抽樣…”按比例隨機抽取農戶。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="216" />
        <source>种子 {0}；抽样框 {1} 户，校验值 {2}；比例 {3}%；抽中 {4} 户</source>
        <translation>種子 {0}；抽樣框 {1} 戶，校驗值 {2}；比例 {3}%；抽中 {4} 戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="229" />
        <source>　错{0}</source>
        <translation>　錯{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="230" />
        <source>{0}，户编号 {1}</source>
        <translation>{0}，戶編號 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="282" />
        <source>已抽取 {0} 户，种子 {1}</source>
        <translation>已抽取 {0} 戶，種子 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="295" />
        <source>不正确</source>
        <translation>不正確</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="295" />
        <source>哪里不对、应当如何（将生成整改任务）：</source>
        <translation>哪裡不對、應當如何（將生成整改任務）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="310" />
        <source>已生成整改任务</source>
        <translation>已生成整改任務</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="311" />
        <source>已记录</source>
        <translation>已記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="323" />
        <source>已确认整改完成</source>
        <translation>已確認整改完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="330" />
        <source>退回整改</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="330" />
        <source>退回的原因：</source>
        <translation>退回的原因：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="336" />
        <source>已退回整改</source>
        <translation>已退回整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="347" />
        <source>复核通过：按种子 {0} 重抽的 {1} 户与记录的样本一致，抽样框校验值相符。</source>
        <translation>複核通過：按種子 {0} 重抽的 {1} 戶與記錄的樣本一致，抽樣框校驗值相符。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="350" />
        <source>复核不通过：</source>
        <translation>複核不通過：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="352" />
        <source>（抽样后该范围新增 {0} 户、减少 {1} 户）</source>
        <translation>（抽樣後該範圍新增 {0} 戶、減少 {1} 戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="362" />
        <source>保存核查表</source>
        <translation>保存核查表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="371" />
        <source>保存汇总</source>
        <translation>保存彙總</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="381" />
        <source>已保存 {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/spotcheck/page.py" line="385" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>StaleSaveDialog</name>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="58" />
        <source>（删除此项）</source>
        <translation>（刪除此項）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="71" />
        <source>有人同时修改了这些内容</source>
        <translation>有人同時修改了這些內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="72" />
        <source>您编辑期间，下列内容已在别处（另一个窗口、同步或导入）被修改。请逐项选择要保存的值；未选择前不会保存任何内容。</source>
        <translation>您編輯期間，下列內容已在別處（另一個視窗、同步或匯入）被修改。請逐項選擇要儲存的值；未選擇前不會儲存任何內容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76" />
        <source>内容</source>
        <translation>內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76" />
        <source>您的修改</source>
        <translation>您的修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="76" />
        <source>现在的值</source>
        <translation>現在的值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="77" />
        <source>修改人 / 时间</source>
        <translation>修改人 / 時間</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="77" />
        <source>保存哪一个</source>
        <translation>儲存哪一個</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="84" />
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="100" />
        <source>全部用我的</source>
        <translation>全部用我的</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="101" />
        <source>全部用现在的</source>
        <translation>全部用現在的</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="105" />
        <source>按所选保存</source>
        <translation>按所選儲存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="106" />
        <source>返回编辑</source>
        <translation>返回編輯</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="126" />
        <source>我的</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/stale_dialog.py" line="126" />
        <source>现在的</source>
        <translation>現在的</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="53" />
        <source>发起流程：{0}</source>
        <translation>發起流程：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="60" />
        <source>（请选择）</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="75" />
        <source>流程(&amp;K)：</source>
        <translation>流程(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="76" />
        <source>监测对象类别(&amp;C)：</source>
        <translation>監測對象類別(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="77" />
        <source>风险类型(&amp;T)：</source>
        <translation>風險類型(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="78" />
        <source>步骤：</source>
        <translation>步驟：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="80" />
        <source>发起</source>
        <translation>發起</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="81" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="114" />
        <source>符合退出标准：{0} 年人均纯收入 {1} 元，高于当年退出标准 {2} 元；两不愁三保障全部达到。</source>
        <translation>符合退出標準：{0} 年人均純收入 {1} 元，高於當年退出標準 {2} 元；兩不愁三保障全部達到。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="119" />
        <source>不符合退出标准：{0}
仍可发起，但“对象确定”只能由有权限的人写明理由、签字越过，越过在流程记录中始终可见。</source>
        <translation>不符合退出標準：{0}
仍可發起，但“對象確定”只能由有權限的人寫明理由、簽字越過，越過在流程記錄中始終可見。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/start.py" line="150" />
        <source>已发起“{0}”</source>
        <translation>已發起“{0}”</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="464" />
        <source>改变状态(&amp;T)</source>
        <translation>改變狀態(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="472" />
        <source>项目状态 — {0}</source>
        <translation>項目狀態 — {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="477" />
        <source>当前状态：</source>
        <translation>當前狀態：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="478" />
        <source>改为：</source>
        <translation>改為：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="507" />
        <source>这个项目现在没有您可以改成的状态</source>
        <translation>這個項目現在沒有您可以改成的狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/projects/dialogs.py" line="522" />
        <source>项目状态已改变</source>
        <translation>項目狀態已改變</translation>
    </message>
</context>
<context>
    <name>StepModel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119" />
        <source>步骤</source>
        <translation>步驟</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119" />
        <source>名称</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119" />
        <source>决定人</source>
        <translation>決定人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119" />
        <source>最短天数</source>
        <translation>最短天數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="119" />
        <source>签字</source>
        <translation>簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="120" />
        <source>进度</source>
        <translation>進度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="135" />
        <source>（导入，无逐级记录）</source>
        <translation>（導入，無逐級記錄）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="137" />
        <source>已通过</source>
        <translation>已通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="139" />
        <source>有冲突，待处理</source>
        <translation>有衝突，待處理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="141" />
        <source>不通过（流程结束）</source>
        <translation>不通過（流程結束）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="149" />
        <source>当前步骤（有 {0} 条异议未办结，办结前不能通过）</source>
        <translation>當前步驟（有 {0} 條異議未辦結，辦結前不能通過）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="152" />
        <source>当前步骤（{0}，不能通过）</source>
        <translation>當前步驟（{0}，不能通過）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="153" />
        <source>公示未签发</source>
        <translation>公示未簽發</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="153" />
        <source>公示未张贴</source>
        <translation>公示未張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="157" />
        <source>当前步骤（{0} 起可决定）</source>
        <translation>當前步驟（{0} 起可決定）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="163" />
        <source>须签字</source>
        <translation>須簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/models.py" line="163" />
        <source>不需签字</source>
        <translation>不需簽字</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="181" />
        <source>确认</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="182" />
        <source>点击“完成”保存设置。</source>
        <translation>點擊“完成”保存設置。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="186" />
        <source>完成后将为这台电脑创建设备身份：一个设备编号和一对用于数据同步的密钥。密钥只保存在本机的数据文件夹中，请勿复制给他人。</source>
        <translation>完成後將為這台電腦創建設備身份：一個設備編號和一對用於數據同步的密鑰。密鑰只保存在本機的數據文件夾中，請勿複製給他人。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="199" />
        <source>区县</source>
        <translation>區縣</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="200" />
        <source>乡镇</source>
        <translation>鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="201" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="202" />
        <source>包扶干部</source>
        <translation>包扶幹部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="203" />
        <source>派出单位</source>
        <translation>派出單位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="204" />
        <source>电话</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/wizard.py" line="205" />
        <source>角色</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SwitchAccountDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="235" />
        <source>切换账号</source>
        <translation>切換帳號</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="238" />
        <source>当前账号：{0}。请以另一个账号登录。</source>
        <translation>目前帳號：{0}。請以另一個帳號登入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="240" />
        <source>切换</source>
        <translation>切換</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="242" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncJobs</name>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="92" />
        <source>正在打包并写入…</source>
        <translation>正在打包並寫入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="128" />
        <source>正在查找同步包…</source>
        <translation>正在查找同步包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="209" />
        <source>U盘或文件夹是只读的（可能打开了写保护开关），无法写入：{0}</source>
        <translation>U盤或文件夾是隻讀的（可能打開了寫保護開關），無法寫入：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="210" />
        <source>U盘（或磁盘）空间已满，无法写入同步包：{0}</source>
        <translation>U盤（或磁盤）空間已滿，無法寫入同步包：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="211" />
        <source>超出磁盘配额，无法写入同步包：{0}</source>
        <translation>超出磁盤配額，無法寫入同步包：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="212" />
        <location filename="../../fieldapp/gui/sync/jobs.py" line="213" />
        <source>没有读写该位置的权限：{0}</source>
        <translation>沒有讀寫該位置的權限：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="214" />
        <source>找不到该文件夹或文件（U盘可能已拔出）：{0}</source>
        <translation>找不到該文件夾或文件（U盤可能已拔出）：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="215" />
        <source>这不是文件夹：{0}</source>
        <translation>這不是文件夾：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="216" />
        <source>U盘读写出错（可能已拔出或损坏）：{0}</source>
        <translation>U盤讀寫出錯（可能已拔出或損壞）：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="217" />
        <source>U盘已不可用（可能已拔出）：{0}</source>
        <translation>U盤已不可用（可能已拔出）：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/jobs.py" line="218" />
        <source>文件太大，U盘的文件系统存不下：{0}</source>
        <translation>文件太大，U盤的文件系統存不下：{0}</translation>
    </message>
</context>
<context>
    <name>SyncLabel</name>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="30" />
        <source>不是完整的同步包（格式错误或文件被截断）</source>
        <translation>不是完整的同步包（格式錯誤或文件被截斷）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="31" />
        <source>版本不兼容</source>
        <translation>版本不兼容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="32" />
        <source>不是发给本机的</source>
        <translation>不是發給本機的</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="33" />
        <source>发送方不是已登记的同步对象</source>
        <translation>發送方不是已登記的同步對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="34" />
        <source>签名无效（文件被篡改或损坏）</source>
        <translation>簽名無效（文件被篡改或損壞）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="35" />
        <source>无法解密</source>
        <translation>無法解密</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="36" />
        <source>已经导入过</source>
        <translation>已經導入過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="37" />
        <source>缺少更早的同步包</source>
        <translation>缺少更早的同步包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="56" />
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="65" />
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="93" />
        <source>本机</source>
        <translation>本機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="96" />
        <source>设备 {0}</source>
        <translation>設備 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/texts.py" line="107" />
        <location filename="../../fieldapp/gui/sync/texts.py" line="114" />
        <source>{0}户</source>
        <translation>{0}戶</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="88" />
        <source>导出到U盘…</source>
        <extracomment>synced data changed here (an import, a resolved conflict, a released change) the page shows a new snapshot an export finished (:class:`~fieldapp.gui.sync.jobs.ExportResult`) an import finished (:class:`~fieldapp.gui.sync.jobs.ImportBatch`) a reviewer's action (resolve, release, discard) finished a job failed (the exception); the user has been told why progress of the running job (done, total)</extracomment>
        <translation>導出到U盤…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="90" />
        <source>从U盘导入…</source>
        <translation>從U盤導入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="92" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="94" />
        <source>待同步修改 … 条</source>
        <translation>待同步修改 … 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="103" />
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="113" />
        <source>同步对象</source>
        <translation>同步對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="120" />
        <source>保留当前值</source>
        <translation>保留當前值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="122" />
        <source>采用另一值</source>
        <translation>採用另一值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="124" />
        <location filename="../../fieldapp/gui/sync/page.py" line="395" />
        <source>放行</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="126" />
        <location filename="../../fieldapp/gui/sync/page.py" line="403" />
        <source>丢弃</source>
        <translation>丟棄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="191" />
        <source>待同步修改 {0} 条</source>
        <translation>待同步修改 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="193" />
        <source>还没有登记同步对象：本机的全部修改都未同步。</source>
        <translation>還沒有登記同步對象：本機的全部修改都未同步。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="195" />
        <source>“{0}”尚未确认收到的修改。</source>
        <translation>“{0}”尚未確認收到的修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="196" />
        <source>本机设备编号：{0}</source>
        <translation>本機設備編號：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="205" />
        <source>冲突 {0} 条</source>
        <translation>衝突 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="207" />
        <source>，时钟超前 {0} 条</source>
        <translation>，時鐘超前 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="208" />
        <source>（当前值是自动选出的较新修改，请确认或改用另一值）</source>
        <translation>（當前值是自動選出的較新修改，請確認或改用另一值）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="209" />
        <source>隔离待审 {0} 条（违反规则、暂未应用的修改）</source>
        <translation>隔離待審 {0} 條（違反規則、暫未應用的修改）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="237" />
        <source>正在导出到 {0}…</source>
        <translation>正在導出到 {0}…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="243" />
        <source>导出完成</source>
        <translation>導出完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="262" />
        <source>正在导入…</source>
        <translation>正在導入…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="318" />
        <source>未能完成。</source>
        <translation>未能完成。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="323" />
        <source>无法完成操作</source>
        <translation>無法完成操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="393" />
        <source>放行会把所选的 {0} 条修改按原样写入本机数据，并同步给其他设备。
请先处理隔离的原因（例如先改正另一户重复的证件号码）。确定放行？</source>
        <translation>放行會把所選的 {0} 條修改按原樣寫入本機數據，並同步給其他設備。
請先處理隔離的原因（例如先改正另一戶重複的證件號碼）。確定放行？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="402" />
        <source>丢弃后，所选的 {0} 条修改不会应用到本机数据。确定丢弃？</source>
        <translation>丟棄後，所選的 {0} 條修改不會應用到本機數據。確定丟棄？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="410" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/page.py" line="427" />
        <source>已处理 {0} 条。</source>
        <translation>已處理 {0} 條。</translation>
    </message>
</context>
<context>
    <name>SyncReport</name>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="16" />
        <source>{0} 条本机已有</source>
        <translation>{0} 條本機已有</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="17" />
        <source>新冲突 {0} 条</source>
        <translation>新衝突 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="18" />
        <source>隔离待审 {0} 条</source>
        <translation>隔離待審 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="19" />
        <source>时钟超前 {0} 台设备</source>
        <translation>時鐘超前 {0} 臺設備</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="20" />
        <source>{0} 个字段待升级后应用</source>
        <translation>{0} 個字段待升級後應用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="32" />
        <source>{0}：已拒绝，未作任何修改——{1}。{2}</source>
        <translation>{0}：已拒絕，未作任何修改——{1}。{2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="36" />
        <source>{0}：无法读取——{1}</source>
        <translation>{0}：無法讀取——{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="40" />
        <source>应用 {0} 条修改</source>
        <translation>應用 {0} 條修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="43" />
        <source>{0} 户已移出本机范围</source>
        <translation>{0} 戶已移出本機範圍</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="44" />
        <source>，</source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="45" />
        <source>来自 {0}：{1}</source>
        <translation>來自 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="50" />
        <source>没有可导入的同步包</source>
        <translation>沒有可導入的同步包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="52" />
        <source>导入完成</source>
        <translation>導入完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="54" />
        <source>部分同步包未导入</source>
        <translation>部分同步包未導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="55" />
        <source>同步包未导入</source>
        <translation>同步包未導入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="62" />
        <source>{0} 中没有需要导入的新同步包。</source>
        <translation>{0} 中沒有需要導入的新同步包。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="65" />
        <source>{0} 个同步包以前已导入，已跳过。</source>
        <translation>{0} 個同步包以前已導入，已跳過。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="68" />
        <source>另有 {0} 个同步包是发给其他设备的，未导入。</source>
        <translation>另有 {0} 個同步包是發給其他設備的，未導入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="81" />
        <source>已导入 {0} 个同步包，应用 {1} 条修改。</source>
        <translation>已導入 {0} 個同步包，應用 {1} 條修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="84" />
        <source>{0} 个未能导入。</source>
        <translation>{0} 個未能導入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/report.py" line="89" />
        <source>已为“{0}”导出 {1} 条修改（{2}）：
{3}</source>
        <translation>已為“{0}”導出 {1} 條修改（{2}）：
{3}</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="34" />
        <source>本机已被吊销</source>
        <translation>本機已被吊銷</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="35" />
        <source>服务器不认识本机</source>
        <translation>服務器不認識本機</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="36" />
        <source>服务器密钥不符</source>
        <translation>服務器密鑰不符</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="37" />
        <source>同步包过大</source>
        <translation>同步包過大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="38" />
        <source>本机时钟不准</source>
        <translation>本機時鐘不準</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="39" />
        <source>签名无效</source>
        <translation>簽名無效</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="66" />
        <source>{0}月{1}日 {2}</source>
        <translation>{0}月{1}日 {2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="81" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="114" />
        <source>上次同步：{0}</source>
        <translation>上次同步：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="81" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="112" />
        <source>尚未同步</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="82" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="113" />
        <source>区县服务器：{0}</source>
        <translation>區縣服務器：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="84" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="107" />
        <source>同步中 {0}%</source>
        <translation>同步中 {0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="87" />
        <source>自动同步已停止。</source>
        <translation>自動同步已停止。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="88" />
        <source>同步出错：{0}</source>
        <translation>同步出錯：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="90" />
        <source>上次同步 {0}</source>
        <translation>上次同步 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="90" />
        <source>已连接</source>
        <translation>已連接</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="92" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="111" />
        <source>正在连接…</source>
        <translation>正在連接…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="94" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="116" />
        <source>自动同步已关闭</source>
        <translation>自動同步已關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="96" />
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="105" />
        <source>离线</source>
        <translation>離線</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="96" />
        <source>无法连接区县服务器，有网络时会自动同步。</source>
        <translation>無法連接區縣服務器，有網絡時會自動同步。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="101" />
        <source>本机尚未加入区县服务器：点“加入区县服务器…”，输入区县管理员给的服务器地址和一次性加入码。加入后，有网络时自动同步；没有网络时仍可用U盘同步。</source>
        <translation>本機尚未加入區縣服務器：點“加入區縣服務器…”，輸入區縣管理員給的服務器地址和一次性加入碼。加入後，有網絡時自動同步；沒有網絡時仍可用U盤同步。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="106" />
        <source>在线</source>
        <translation>在線</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="108" />
        <source>出错</source>
        <translation>出錯</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="113" />
        <source>状态：{0}</source>
        <translation>狀態：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="119" />
        <source>最近的错误：{0}</source>
        <translation>最近的錯誤：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/sync/net_panel.py" line="121" />
        <source>自动同步已停止：服务器拒绝了本机。请联系区县管理员，必要时重新加入。</source>
        <translation>自動同步已停止：服務器拒絕了本機。請聯繫區縣管理員，必要時重新加入。</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20" />
        <source>区域</source>
        <translation>區域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20" />
        <source>目标项目</source>
        <translation>目標項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/models.py" line="20" />
        <source>目标值</source>
        <translation>目標值</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="90" />
        <source>村：</source>
        <translation>村：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="90" />
        <source>年度：</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="111" />
        <source>村级年度情况</source>
        <translation>村級年度情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="112" />
        <source>贫困村</source>
        <translation>貧困村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="118" />
        <source>未填</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="119" />
        <source> 人</source>
        <translation> 人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="121" />
        <source>如 2.35</source>
        <translation>如 2.35</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="123" />
        <source>元，如 52000</source>
        <translation>元，如 52000</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="134" />
        <source>摘帽年份：</source>
        <translation>摘帽年份：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="141" />
        <source>农村人口：</source>
        <translation>農村人口：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="142" />
        <source>官方贫困发生率（%）：</source>
        <translation>官方貧困發生率（%）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="143" />
        <source>村集体经济收入：</source>
        <translation>村集體經濟收入：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="144" />
        <source>退出指标：</source>
        <translation>退出指標：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="145" />
        <source>备注：</source>
        <translation>備註：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="146" />
        <source>保存村级情况</source>
        <translation>保存村級情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="162" />
        <source>只读：填报村级情况需要队长、村两委或区县的权限</source>
        <translation>只讀：填報村級情況需要隊長、村兩委或區縣的權限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="166" />
        <source>贫困发生率与退出判断</source>
        <translation>貧困發生率與退出判斷</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="181" />
        <source>年度目标任务</source>
        <translation>年度目標任務</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="193" />
        <source>本年度没有目标任务（由区县下达，同步后显示）</source>
        <translation>本年度沒有目標任務（由區縣下達，同步後顯示）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="205" />
        <source>设定</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="206" />
        <source>删除所选</source>
        <translation>刪除所選</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="207" />
        <source>导入目标…</source>
        <translation>導入目標…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="208" />
        <source>导出目标表…</source>
        <translation>導出目標表…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="304" />
        <source>本系统计算：{0}%（贫困人口 {1} 人、{2} 户 / 农村人口 {3} 人）</source>
        <translation>本系統計算：{0}%（貧困人口 {1} 人、{2} 戶 / 農村人口 {3} 人）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="307" />
        <source>本系统计算：无法计算，未填农村人口（贫困人口 {0} 人、{1} 户）</source>
        <translation>本系統計算：無法計算，未填農村人口（貧困人口 {0} 人、{1} 戶）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="311" />
        <source>官方数据：未填</source>
        <translation>官方數據：未填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="313" />
        <source>官方数据：{0}%（相差 {1} 个百分点）</source>
        <translation>官方數據：{0}%（相差 {1} 個百分點）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="316" />
        <source>官方数据：{0}%</source>
        <translation>官方數據：{0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="320" />
        <source>贫困发生率低于 {0}%</source>
        <translation>貧困發生率低於 {0}%</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="322" />
        <source>村集体经济收入不低于 {0}</source>
        <translation>村集體經濟收入不低於 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="323" />
        <source>退出指标全部达标</source>
        <translation>退出指標全部達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="324" />
        <source>退出标准：{0}</source>
        <translation>退出標準：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="324" />
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="326" />
        <source>✔ 达到贫困村退出标准</source>
        <translation>✔ 達到貧困村退出標準</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="330" />
        <source>✘ 尚未达到退出标准：</source>
        <translation>✘ 尚未達到退出標準：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="335" />
        <source>贫困发生率无法计算：未填农村人口</source>
        <translation>貧困發生率無法計算：未填農村人口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="337" />
        <source>贫困发生率 {0} 未低于 {1}</source>
        <translation>貧困發生率 {0} 未低於 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="339" />
        <source>未填村集体经济收入（标准 {0}）</source>
        <translation>未填村集體經濟收入（標準 {0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="341" />
        <source>村集体经济收入 {0} 未达到 {1}</source>
        <translation>村集體經濟收入 {0} 未達到 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="343" />
        <source>参考数据中没有“{0}”的退出标准</source>
        <translation>參考數據中沒有“{0}”的退出標準</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="344" />
        <source>{0}未达标</source>
        <translation>{0}未達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="385" />
        <source>已保存村级年度情况</source>
        <translation>已保存村級年度情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="397" />
        <source>未保存：{0} 已在别处修改。请核对后再次保存（将以您填写的为准）</source>
        <translation>未保存：{0} 已在別處修改。請核對後再次保存（將以您填寫的為準）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="437" />
        <source>已设定目标</source>
        <translation>已設定目標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="443" />
        <source>删除目标</source>
        <translation>刪除目標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="444" />
        <source>删除 {0} 的“{1}”目标（{2}）？</source>
        <translation>刪除 {0} 的“{1}”目標（{2}）？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="452" />
        <source>已删除目标</source>
        <translation>已刪除目標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="459" />
        <location filename="../../fieldapp/gui/targets/page.py" line="473" />
        <location filename="../../fieldapp/gui/targets/page.py" line="486" />
        <location filename="../../fieldapp/gui/targets/page.py" line="490" />
        <source>导入目标任务</source>
        <translation>導入目標任務</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="459" />
        <location filename="../../fieldapp/gui/targets/page.py" line="507" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="483" />
        <source>……另有 {0} 行有错误</source>
        <translation>……另有 {0} 行有錯誤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="484" />
        <source>未导入任何目标：请改正以下各行后重新导入。</source>
        <translation>未導入任何目標：請改正以下各行後重新導入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="485" />
        <source>表中没有填写目标值的行，未导入。</source>
        <translation>表中沒有填寫目標值的行，未導入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="491" />
        <source>{0}。导入？</source>
        <translation>{0}。導入？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="498" />
        <source>已导入目标任务：写入 {0} 条</source>
        <translation>已導入目標任務：寫入 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="506" />
        <source>{0}年度目标任务.xlsx</source>
        <translation>{0}年度目標任務.xlsx</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="507" />
        <source>导出目标表</source>
        <translation>導出目標表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/targets/page.py" line="518" />
        <source>已导出目标表（{0} 行）：{1}</source>
        <translation>已導出目標表（{0} 行）：{1}</translation>
    </message>
</context>
<context>
    <name>TextEdit</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="131" />
        <source>最多{0}个字，现有{1}个字</source>
        <translation>最多{0}個字，現有{1}個字</translation>
    </message>
</context>
<context>
    <name>TraceForm</name>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="36" />
        <source>全部项目（现值由谁填报）</source>
        <translation>全部項目（現值由誰填報）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="43" />
        <source>只查“{0}”的每一次填报</source>
        <translation>只查“{0}”的每一次填報</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="44" />
        <source>项目</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="50" />
        <source>请先选择农户（户编号、公示牌编码或户主姓名）</source>
        <translation>請先選擇農戶（戶編號、公示牌編碼或戶主姓名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/audit/forms.py" line="52" />
        <source>责任倒查表-{0}-{1}</source>
        <translation>責任倒查表-{0}-{1}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="132" />
        <source>已锁定</source>
        <extracomment>a wrong password (the number of failures in a row so far)</extracomment>
        <translation>已鎖定</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="139" />
        <source>长时间未操作，已锁定。打开的窗口和未保存的内容都还在。</source>
        <translation>長時間未操作，已鎖定。開啟的視窗和未儲存的內容都還在。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="146" />
        <source>解锁</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="150" />
        <source>账号：</source>
        <translation>帳號：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="151" />
        <source>密码(&amp;P)：</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="187" />
        <source>密码不正确，请重新输入。</source>
        <translation>密碼不正確，請重新輸入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="198" />
        <source>密码不正确，已连续 {0} 次。请 {1} 秒后再试。</source>
        <translation>密碼不正確，已連續 {0} 次。請 {1} 秒後再試。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="204" />
        <source>请 {0} 秒后再试。</source>
        <translation>請 {0} 秒後再試。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/lock.py" line="211" />
        <source>可以再试了。</source>
        <translation>可以再試了。</translation>
    </message>
</context>
<context>
    <name>VillageStatusModel</name>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63" />
        <source>乡镇</source>
        <translation>鄉鎮</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63" />
        <source>村</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63" />
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63" />
        <source>走访户次</source>
        <translation>走訪戶次</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="63" />
        <source>措施</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="64" />
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="64" />
        <source>未解决问题</source>
        <translation>未解決問題</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68" />
        <source>未上报</source>
        <translation>未上報</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68" />
        <source>未签字</source>
        <translation>未簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="68" />
        <source>按时</source>
        <translation>按時</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="69" />
        <source>迟报</source>
        <translation>遲報</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="71" />
        <source>（{0} 签字）</source>
        <translation>（{0} 簽字）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/report/models.py" line="73" />
        <source>，已逾期</source>
        <translation>，已逾期</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="117" />
        <source>农户走访</source>
        <translation>農戶走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="118" />
        <source>村级活动（会议、培训、民主评议等）</source>
        <translation>村級活動（會議、培訓、民主評議等）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="126" />
        <source>如：第二季度民主评议会</source>
        <translation>如：第二季度民主評議會</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="131" />
        <source>走访中了解到的情况</source>
        <translation>走訪中瞭解到的情況</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="133" />
        <source>采取的措施、办理的事项及成效</source>
        <translation>採取的措施、辦理的事項及成效</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="176" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="178" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="179" />
        <source>删除本条记录</source>
        <translation>刪除本條記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="181" />
        <source>保存并关闭 (Ctrl+S)</source>
        <translation>保存並關閉 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="253" />
        <source>对象</source>
        <translation>對象</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="254" />
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="330" />
        <source>村级活动</source>
        <translation>村級活動</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="296" />
        <source>请先保存修改再签字</source>
        <translation>請先保存修改再簽字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="314" />
        <source>请选择农户（输入姓名、拼音首字母或户编号搜索）</source>
        <translation>請選擇農戶（輸入姓名、拼音首字母或戶編號搜索）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="333" />
        <source>走访</source>
        <translation>走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="334" />
        <source>记录</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="334" />
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="345" />
        <source>第{0}项：{1}</source>
        <translation>第{0}項：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="352" />
        <source>有 {0} 处需要更正。第一处：{1}</source>
        <translation>有 {0} 處需要更正。第一處：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="381" />
        <source>正在导入照片，请等导入完成后再保存。</source>
        <translation>正在導入照片，請等導入完成後再保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="414" />
        <source>已保存{0}</source>
        <translation>已儲存{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="418" />
        <source>村级活动记录</source>
        <translation>村級活動紀錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="420" />
        <source>走访记录：{0}</source>
        <translation>走訪紀錄：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="420" />
        <source>走访记录</source>
        <translation>走訪紀錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="493" />
        <source>删除走访记录</source>
        <translation>刪除走訪記錄</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="493" />
        <source>确定删除这条走访记录吗？删除后可在变更记录中查到。</source>
        <translation>確定刪除這條走訪記錄嗎？刪除後可在變更記錄中查到。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="494" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="494" />
        <source>不删除</source>
        <translation>不刪除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="512" />
        <source>已删除{0}</source>
        <translation>已刪除{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="517" />
        <source>未保存的修改</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="517" />
        <source>这条走访记录有未保存的修改。要保存吗？</source>
        <translation>這條走訪記錄有未保存的修改。要保存嗎？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518" />
        <source>放弃修改</source>
        <translation>放棄修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/visit_form.py" line="518" />
        <source>继续编辑</source>
        <translation>繼續編輯</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="85" />
        <source>农户 / 活动</source>
        <translation>農戶 / 活動</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="87" />
        <source>待办</source>
        <translation>待辦</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="166" />
        <source>村级活动：{0}</source>
        <translation>村級活動：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="177" />
        <source>{0}项</source>
        <translation>{0}項</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="72" />
        <source>记录走访</source>
        <extracomment>a visit of this household was saved or deleted through a form opened here</extracomment>
        <translation>記錄走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="75" />
        <source>新增农户保存后才能记录走访。</source>
        <translation>新增農戶保存後才能記錄走訪。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/household_editor/visits_tab.py" line="76" />
        <source>双击一条记录可查看或修改。</source>
        <translation>雙擊一條記錄可查看或修改。</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="104" />
        <source> 天</source>
        <extracomment>the workbench was (re)computed and shown the next steps when the register has no households yet (the main window opens them)</extracomment>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="105" />
        <source>多少天没有走访的农户列入“未走访”</source>
        <translation>多少天沒有走訪的農戶列入“未走訪”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="106" />
        <source>刷新</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="107" />
        <source>记录走访</source>
        <translation>記錄走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="110" />
        <source>事项</source>
        <translation>事項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="110" />
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="120" />
        <source>未走访天数</source>
        <translation>未走訪天數</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="148" />
        <source>还没有农户。可以从国家系统导出的表格导入，也可以逐户新建。</source>
        <translation>還沒有農戶。可以從國家系統匯出的表格匯入，也可以逐戶新建。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="149" />
        <source>导入农户…</source>
        <translation>匯入農戶…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="150" />
        <source>新建农户…</source>
        <translation>新建農戶…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="190" />
        <source>本村</source>
        <translation>本村</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="191" />
        <source>{0}的工作台　{1}</source>
        <translation>{0}的工作台　{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="206" />
        <source>到期/逾期事项</source>
        <translation>到期/逾期事項</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="211" />
        <source>{0}天未走访</source>
        <translation>{0}天未走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="215" />
        <source>两不愁三保障未达标</source>
        <translation>兩不愁三保障未達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="217" />
        <source>未达标：{0}</source>
        <translation>未達標：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="219" />
        <source>{0}年 {1}元</source>
        <translation>{0}年 {1}元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="220" />
        <source>人均收入低于监测线</source>
        <translation>人均收入低於監測線</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="220" />
        <source>（监测线：{0}）</source>
        <translation>（監測線：{0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="222" />
        <source>{0}年人均纯收入 {1}元，低于监测线 {2}元</source>
        <translation>{0}年人均純收入 {1}元，低於監測線 {2}元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="227" />
        <source>参考数据中没有 {0} 年的监测线，未能判断该年度收入是否低于监测线</source>
        <translation>參考數據中沒有 {0} 年的監測線，未能判斷該年度收入是否低於監測線</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="228" />
        <source>{0}年没有监测线</source>
        <translation>{0}年沒有監測線</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="233" />
        <source>我的包扶户</source>
        <translation>我的包扶戶</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="235" />
        <source>未同步修改 {0} 条</source>
        <translation>未同步修改 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="292" />
        <source>{0}（{1}）</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="298" />
        <source>（无）</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="302" />
        <source>只显示前 {0} 条</source>
        <translation>只顯示前 {0} 條</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="323" />
        <source>从未走访</source>
        <translation>從未走訪</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="324" />
        <source>最近走访 {0}（{1}天前）</source>
        <translation>最近走訪 {0}（{1}天前）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="327" />
        <source>，{0}组</source>
        <translation>，{0}組</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="331" />
        <source>村级活动</source>
        <translation>村級活動</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="333" />
        <source>已逾期 {0} 天（{1} 到期）</source>
        <translation>已逾期 {0} 天（{1} 到期）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="335" />
        <source>今天到期</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="337" />
        <source>{0} 到期</source>
        <translation>{0} 到期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="209" />
        <source>整改任务</source>
        <translation>整改任務</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="348" />
        <source>已报告完成，待审核员确认</source>
        <translation>已報告完成，待審核員確認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="350" />
        <source>已逾期（{0} 到期）</source>
        <translation>已逾期（{0} 到期）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="352" />
        <source>{0} 前整改</source>
        <translation>{0} 前整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="353" />
        <source>（退回：{0}）</source>
        <translation>（退回：{0}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="373" />
        <source>报告整改完成</source>
        <translation>報告整改完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="373" />
        <source>整改了什么（审核员确认后关闭）：</source>
        <translation>整改了什麼（審核員確認後關閉）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="379" />
        <source>已报告整改完成，等待审核员确认</source>
        <translation>已報告整改完成，等待審核員確認</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="251" />
        <source>{0}年人均纯收入 {1}元，不高于监测线 {2}元</source>
        <translation>{0}年人均純收入 {1}元，不高於監測線 {2}元</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="254" />
        <source>；回车发起监测</source>
        <translation>；回車發起監測</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/workbench_page.py" line="258" />
        <source>建议纳入监测</source>
        <translation>建議納入監測</translation>
    </message>
</context>
<context>
    <name>WorkflowDialog</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="379" />
        <source>动态管理</source>
        <translation>動態管理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="382" />
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="396" />
        <source>动态管理 — {0}</source>
        <translation>動態管理 — {0}</translation>
    </message>
</context>
<context>
    <name>WorkflowListActions</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/list_actions.py" line="30" />
        <source>动态管理…</source>
        <translation>動態管理…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/list_actions.py" line="34" />
        <source>发起流程…</source>
        <translation>發起流程…</translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="94" />
        <source>发起流程(&amp;Q)…</source>
        <extracomment>the panel was (re)loaded</extracomment>
        <translation>發起流程(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="97" />
        <location filename="../../fieldapp/gui/workflow/panel.py" line="265" />
        <source>决定当前步骤(&amp;J)…</source>
        <translation>決定當前步驟(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="107" />
        <source>流程：</source>
        <translation>流程：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="127" />
        <source>新增农户保存后才能发起流程。</source>
        <translation>新增農戶保存後才能發起流程。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="198" />
        <source>{0}（{1} 发起）：{2}</source>
        <translation>{0}（{1} 發起）：{2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="210" />
        <source>已脱贫</source>
        <translation>已脫貧</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="210" />
        <source>未脱贫</source>
        <translation>未脫貧</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="212" />
        <source>脱贫状态：{0}（由流程得出）</source>
        <translation>脫貧狀態：{0}（由流程得出）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="214" />
        <source>脱贫状态：{0}（导入的状态，不是逐级决定产生的）</source>
        <translation>脫貧狀態：{0}（導入的狀態，不是逐級決定產生的）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="217" />
        <location filename="../../fieldapp/gui/workflow/panel.py" line="293" />
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="220" />
        <source>注意：该户有 {0} 个同时进行的流程（在不同笔记本上各自发起），多余的一个可以不通过并写明理由。</source>
        <translation>注意：該戶有 {0} 個同時進行的流程（在不同筆記本上各自發起），多餘的一個可以不通過並寫明理由。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="223" />
        <source>还没有流程记录。</source>
        <translation>還沒有流程記錄。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="231" />
        <source>进行中，当前步骤 {0} {1}</source>
        <translation>進行中，當前步驟 {0} {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="232" />
        <source>已完成</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="232" />
        <source>未通过（已结束）</source>
        <translation>未通過（已結束）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="233" />
        <source>有冲突，待处理</source>
        <translation>有衝突，待處理</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="233" />
        <source>导入的状态</source>
        <translation>導入的狀態</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="236" />
        <source>（曾越过退出标准）</source>
        <translation>（曾越過退出標準）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="264" />
        <source>处理冲突(&amp;J)…</source>
        <translation>處理衝突(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="294" />
        <source>来源：导入。升级时档案中填写的脱贫状态为“{0}”，不是逐级决定产生的。</source>
        <translation>來源：導入。升級時檔案中填寫的脫貧狀態為“{0}”，不是逐級決定產生的。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="295" />
        <source>发起：{0}，{1}；状态：{2}</source>
        <translation>發起：{0}，{1}；狀態：{2}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="298" />
        <source>监测对象类别：{0}；风险类型：{1}</source>
        <translation>監測對象類別：{0}；風險類型：{1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="301" />
        <source>问题：{0}</source>
        <translation>問題：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="309" />
        <source>本户赞成 {0}、反对 {1}</source>
        <translation>本戶贊成 {0}、反對 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="309" />
        <source>赞成 {0}、反对 {1}</source>
        <translation>贊成 {0}、反對 {1}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="310" />
        <source>评议会议：{0}，到会 {1} 人，{2}{3}</source>
        <translation>評議會議：{0}，到會 {1} 人，{2}{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="312" />
        <source>（决定据此作出）</source>
        <translation>（決定據此作出）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="313" />
        <source>未张贴</source>
        <translation>未張貼</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="313" />
        <source>已张贴，公示期未开始</source>
        <translation>已張貼，公示期未開始</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="314" />
        <source>已张贴，公示期内</source>
        <translation>已張貼，公示期內</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="314" />
        <source>已张贴，已期满</source>
        <translation>已張貼，已期滿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="319" />
        <source>（{0} 张贴）</source>
        <translation>（{0} 張貼）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="320" />
        <source>公示：{0}，{1} 至 {2}（{3} 天），{4}</source>
        <translation>公示：{0}，{1} 至 {2}（{3} 天），{4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="322" />
        <source>异议成立</source>
        <translation>異議成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="322" />
        <source>异议不成立</source>
        <translation>異議不成立</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="325" />
        <source>已办结：{0}（{1}，{2}）</source>
        <translation>已辦結：{0}（{1}，{2}）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="329" />
        <source>未办结，阻止通过</source>
        <translation>未辦結，阻止通過</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="330" />
        <source>异议：{0} 收到 {1} 提出：{2}；{3}</source>
        <translation>異議：{0} 收到 {1} 提出：{2}；{3}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="160" />
        <source>附件（会议记录、脱贫确认书等照片；Enter 或双击打开）：</source>
        <translation>附件（會議記錄、脫貧確認書等照片；Enter 或雙擊打開）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="282" />
        <source>{0}（评议会议）</source>
        <translation>{0}（評議會議）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/workflow/panel.py" line="218" />
        <source>脱贫状态：{0}（建档时导入的“{1}”，没有办结的流程）</source>
        <translation>脫貧狀態：{0}（建檔時匯入的“{1}”，沒有辦結的流程）</translation>
    </message>
</context>
<context>
    <name>YesNoCombo</name>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247" />
        <source>未填</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247" />
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/fields.py" line="247" />
        <source>否</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="64" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/assets/dialogs.py" line="65" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>_ReadOnlyTable</name>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201" />
        <source>达标</source>
        <translation>達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201" />
        <source>未达标</source>
        <translation>未達標</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/visits/models.py" line="201" />
        <source>进行中</source>
        <translation>進行中</translation>
    </message>
</context>
<context>
    <name>account_menu</name>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="260" />
        <source>账号(&amp;A)</source>
        <translation>帳號(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="273" />
        <source>锁定(&amp;L)</source>
        <translation>鎖定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="274" />
        <source>切换账号(&amp;S)…</source>
        <translation>切換帳號(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="276" />
        <source>修改密码(&amp;P)…</source>
        <translation>修改密碼(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="279" />
        <source>账号管理(&amp;M)</source>
        <translation>帳號管理(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/shell.py" line="283" />
        <source>自动锁定(&amp;T)…</source>
        <translation>自動鎖定(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fieldapp/gui/app.py" line="79" />
        <source>无法打开数据</source>
        <translation>無法打開數據</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/app.py" line="126" />
        <location filename="../../fieldapp/gui/app.py" line="309" />
        <location filename="../../fieldapp/gui/app.py" line="368" />
        <source>驻村帮扶工作台</source>
        <extracomment>what the app needs after the login, imported on a background thread while the person types</extracomment>
        <translation>駐村幫扶工作台</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="69" />
        <source>输入有误</source>
        <translation>輸入有誤</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="70" />
        <source>请改正以下问题：</source>
        <translation>請改正以下問題：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="77" />
        <source>无法完成操作</source>
        <translation>無法完成操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="79" />
        <source>（未配置日志文件）</source>
        <translation>（未配置日誌文件）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="80" />
        <source>程序错误，详情见日志 {0}</source>
        <translation>程序錯誤，詳情見日誌 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/errors.py" line="81" />
        <source>程序错误</source>
        <translation>程序錯誤</translation>
    </message>
</context>
<context>
    <name>excel</name>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="78" />
        <source>已取消，没有写入任何内容</source>
        <translation>已取消，沒有寫入任何內容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/excel/common.py" line="84" />
        <source>无法完成</source>
        <translation>無法完成</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="89" />
        <source>新建农户(&amp;N)…</source>
        <translation>新建農戶(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="91" />
        <source>记录走访(&amp;V)…</source>
        <translation>記錄走訪(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="97" />
        <source>转到(&amp;G)</source>
        <translation>轉到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/keys.py" line="98" />
        <source>查找农户(&amp;F)</source>
        <translation>查找農戶(&amp;F)</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="70" />
        <source>密码不正确，请重新输入。</source>
        <extracomment>what the main window needs, imported while the person types (order: deepest first)</extracomment>
        <translation>密碼不正確，請重新輸入。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="72" />
        <source>本机没有这个账号。</source>
        <translation>本機沒有這個帳號。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/login.py" line="74" />
        <source>尝试次数过多，请 {0} 秒后再试。</source>
        <translation>嘗試次數過多，請 {0} 秒後再試。</translation>
    </message>
</context>
<context>
    <name>passwords</name>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="41" />
        <source>新密码至少要 {0} 个字符。</source>
        <extracomment>the shortest password accepted by the dialogs (the service may ask for more)</extracomment>
        <translation>新密碼至少要 {0} 個字元。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/gui/people/passwords.py" line="43" />
        <source>两次输入的新密码不一致。</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
</context>
<context>
    <name>pdfdoc</name>
    <message>
        <location filename="../../fieldapp/gui/printing/pdfdoc.py" line="228" />
        <source>打印机无法开始打印：{0}</source>
        <extracomment>held around every call into PDFium, from any thread pages are rasterised for printing at no more than this (memory: an A3 page at 300 dpi is ~52 MB)</extracomment>
        <translation>打印機無法開始打印：{0}</translation>
    </message>
</context>
</TS>