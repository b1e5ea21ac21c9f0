package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
)

// neo4jFlags say which Neo4j database to use; NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD and NEO4J_DATABASE fill what the flags leave unset.
type neo4jFlags struct {
	uri, username, password, database string
}

func (n *neo4jFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&n.uri, "neo4j-uri", "", "the Neo4j server, such as bolt://localhost:7687 (also NEO4J_URI)")
	fs.StringVar(&n.username, "neo4j-username", "", "the Neo4j user; none means no authentication (also NEO4J_USERNAME)")
	fs.StringVar(&n.database, "neo4j-database", "", "the Neo4j database (also NEO4J_DATABASE; default neo4j)")
}

// fromEnv fills unset settings from the environment. The password is read
// only from NEO4J_PASSWORD, so that it never shows in a process list.
func (n *neo4jFlags) fromEnv(getenv func(string) string) {
	if n.uri == "" {
		n.uri = getenv("NEO4J_URI")
	}
	if n.username == "" {
		n.username = getenv("NEO4J_USERNAME")
	}
	n.password = getenv("NEO4J_PASSWORD")
	if n.database == "" {
		n.database = getenv("NEO4J_DATABASE")
	}
	if n.database == "" {
		n.database = "neo4j"
	}
}

// configError is a wrong setting: the process ends with one line naming it.
type configError struct{ setting, msg string }

// Error names the setting and what is wrong with it.
func (e configError) Error() string { return e.setting + ": " + e.msg }

// driver returns the process's one driver.
func (n neo4jFlags) driver() (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if n.username != "" {
		auth = neo4j.BasicAuth(n.username, n.password, "")
	} else if n.password != "" {
		return nil, configError{"NEO4J_USERNAME", "NEO4J_PASSWORD is set but no user name is"}
	}
	d, err := neo4j.NewDriverWithContext(n.uri, auth, func(c *config.Config) {
		c.SocketConnectTimeout = 5 * time.Second
		c.MaxTransactionRetryTime = 15 * time.Second
	})
	if err != nil {
		return nil, configError{"--neo4j-uri (NEO4J_URI)", fmt.Sprintf("%q is not a Neo4j URI: %v", n.uri, err)}
	}
	return d, nil
}

// classify turns what the driver says into a configError where a setting is
// wrong; other errors (the server is down, say) are returned as they are.
func (n neo4jFlags) classify(err error) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == "Neo.ClientError.Database.DatabaseNotFound":
			return configError{"--neo4j-database (NEO4J_DATABASE)", fmt.Sprintf("database %q does not exist on %s", n.database, n.uri)}
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Security.") && n.username == "":
			return configError{"NEO4J_USERNAME/NEO4J_PASSWORD", fmt.Sprintf("%s requires authentication and none was given: set NEO4J_USERNAME and NEO4J_PASSWORD (%s)", n.uri, ne.Msg)}
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
			return configError{"NEO4J_USERNAME/NEO4J_PASSWORD", fmt.Sprintf("%s refused the credentials of user %q: %s", n.uri, n.username, ne.Msg)}
		}
	}
	return err
}

// fatal reports whether err is a configError.
func fatal(err error) bool {
	var c configError
	return errors.As(err, &c)
}

// check connects and runs a query on the database, so that a wrong URI,
// password or database is found at once.
func (n neo4jFlags) check(ctx context.Context, d neo4j.DriverWithContext) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		if c := n.classify(err); fatal(c) {
			return c
		}
		return fmt.Errorf("--neo4j-uri (NEO4J_URI): cannot reach %s: %w", n.uri, err)
	}
	_, err := neo4j.ExecuteQuery(ctx, d, neo4jstore.Ping, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(n.database))
	return n.classify(err)
}
