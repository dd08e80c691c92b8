package i18n_test

import (
	"fmt"
	"testing/fstest"

	"github.com/apiswitch/errcode/codes"
	"github.com/apiswitch/errcode/i18n"
	"github.com/apiswitch/errcode/locales"
)

func Example() {
	cat, err := i18n.New(locales.FS)
	if err != nil {
		panic(err)
	}
	// Klingon (tlh) stands for a language the catalog has no file for.
	for _, header := range []string{"zh-CN,zh;q=0.9,en;q=0.8", "en-GB,en;q=0.9", "tlh", "zh;q=0"} {
		l := cat.Localizer(header)
		fmt.Printf("%s: %s\n", l, l.Message(codes.AppNotFound, nil))
	}
	// Output:
	// zh-CN: 未找到应用
	// en-US: The app was not found.
	// zh-CN: 未找到应用
	// en-US: The app was not found.
}

func ExampleCatalog_LocalizerFor() {
	cat, _ := i18n.New(locales.FS)
	if l, ok := cat.LocalizerFor("en"); ok {
		fmt.Println(l.Message(codes.TokenInvalid, nil))
	}
	_, ok := cat.LocalizerFor("tlh") // Klingon: no such file in locales/
	fmt.Println(ok)
	// Output:
	// The access token is invalid or has expired.
	// false
}

func ExampleLocalizer_Message() {
	fsys := fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`VOL_NAME_CONFLICT = "云硬盘 {{.Name}} 已存在"`)},
		"en-US.toml": {Data: []byte(`VOL_NAME_CONFLICT = "The volume “{{.Name}}” already exists."`)},
	}
	cat, _ := i18n.New(fsys, i18n.OnProblem(func(p i18n.Problem) {
		fmt.Println("problem:", p.Lang, p.Code, p.Err)
	}))
	l := cat.Localizer("en")
	fmt.Println(l.Message(codes.VolNameConflict, map[string]any{"Name": "data"}))
	// Without its data the message is still a sentence: the placeholder is left out.
	fmt.Println(l.Message(codes.VolNameConflict, nil))
	fmt.Println(cat.Localizer("zh").Message(codes.VolNameConflict, nil))
	// Output:
	// The volume “data” already exists.
	// problem: en-US VOL_NAME_CONFLICT i18n: no value for a placeholder: rendered without {{.Name}}
	// The volume already exists.
	// problem: zh-CN VOL_NAME_CONFLICT i18n: no value for a placeholder: rendered without {{.Name}}
	// 云硬盘已存在
}

func ExampleLocalizer_Template() {
	fsys := fstest.MapFS{"zh-CN.toml": {Data: []byte(`
[VOL_NAME_CONFLICT]
leftDelim = "<<"
rightDelim = ">>"
other = "云硬盘 <<.Name>> 已存在"
`)}}
	cat, _ := i18n.New(fsys)
	fmt.Println(cat.Localizer().Template(codes.VolNameConflict))
	// Output:
	// 云硬盘 {{.Name}} 已存在 [Name]
}

func ExampleCatalog_Status() {
	cat, _ := i18n.New(fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "未找到应用"`)},
		"en-US.toml": {Data: []byte(`APP_NOT_FOUND = "The app was not found."`)},
	})
	err := cat.Reload(fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "应用不存在"`)},
		"en-US.toml": {Data: []byte("# a translator's edit\nAPP_NOT_FOUND = \"{{range 1000000}}x{{end}}\"")},
	})
	fmt.Println(err)
	// zh-CN applied; en-US keeps the version it had.
	fmt.Println(cat.Localizer("zh").Message(codes.AppNotFound, nil))
	fmt.Println(cat.Localizer("en").Message(codes.AppNotFound, nil))
	st := cat.Status()
	fmt.Println(st.Degraded, st.Languages[1].Tag, st.Languages[1].Refused.Errors[0].Line)
	// Output:
	// en-US.toml:2:18: APP_NOT_FOUND: "other" is not a valid template: {{range 1000000}}x{{end}}: control structures are not allowed in a message: only field substitutions such as {{.Name}}
	// 应用不存在
	// The app was not found.
	// true en-US 2
}

func ExampleCatalog_Reload() {
	cat, _ := i18n.New(fstest.MapFS{"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "未找到应用"`)}})
	err := cat.Reload(fstest.MapFS{"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = `)}})
	fmt.Println(err != nil)
	// The old catalog keeps serving.
	fmt.Println(cat.Localizer("en").Tag(), cat.Localizer().Message(codes.AppNotFound, nil))
	// Output:
	// true
	// zh-CN 未找到应用
}

func ExampleFallbackOrder() {
	fsys := fstest.MapFS{
		"zh-CN.toml": {Data: []byte(`APP_NOT_FOUND = "未找到应用"`)},
		"en-US.toml": {Data: []byte(`APP_NOT_FOUND = "The app was not found."`)},
		"fr-FR.toml": {Data: []byte(`APP_NOT_FOUND = "L'application est introuvable."`)},
	}
	byDefault, _ := i18n.New(fsys)
	french, _ := i18n.New(fsys, i18n.FallbackOrder("fr-FR"))
	// Not Chinese, and nothing else the catalog has: the fallback order decides.
	for _, cat := range []*i18n.Catalog{byDefault, french} {
		fmt.Println(cat.Localizer("zh;q=0, ja").Tag())
	}
	// Output:
	// en-US
	// fr-FR
}
