using System.Data;

namespace Vigil.Storage;

/// <summary>
/// One parameterised statement run many times inside a transaction: the command and its
/// parameters are made once and only their values change per row, so an engine that caches the
/// prepared statement on the command (SQLite does) parses the SQL once per batch, not once per row.
/// </summary>
internal sealed class SqlBatch : IDisposable
{
    private readonly IDbCommand _command;
    private readonly IDbDataParameter[] _parameters;

    public SqlBatch(IDbConnection connection, IDbTransaction transaction, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new IDbDataParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + names[i];
            _command.Parameters.Add(p);
            _parameters[i] = p;
        }
    }

    /// <summary>Runs the statement with these values, in the order the names were given; returns the rows affected.</summary>
    public int Run(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var value = values[i];
            // Every nullable column Vigil writes is text: say so, so that an engine never has to guess the type of a null.
            if (value is null) _parameters[i].DbType = DbType.String;
            _parameters[i].Value = value ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
