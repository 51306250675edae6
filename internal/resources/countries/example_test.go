package countries_test

import (
	"fmt"

	"herald/internal/resources/countries"
)

func Example() {
	d, err := countries.Load()
	if err != nil {
		panic(err)
	}
	c, _ := d.LookupName("U.S.")
	fmt.Println(c.Alpha3, c.Common, c.Capital)
	dm, _ := d.LookupDemonym("Russians")
	fmt.Println(dm.Country.Alpha3, dm.Kind)
	s, _ := d.LookupSubdivision("Zaporizhzhia region", "UKR")
	fmt.Println(s.Code, s.Name, s.Type)
	_, ok := d.LookupName("us")
	fmt.Println(ok)
	// Output:
	// USA United States Washington
	// RUS people
	// UA-23 Zaporizhzhia Oblast Region
	// false
}
